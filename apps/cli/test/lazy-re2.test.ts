import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript without declarations: the build's own modules.
import { re2RuntimeFiles } from "../scripts/kubernetes-models-validate/precompile.mjs";

/** The repository root, from this file's location (apps/cli/test). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const RUNTIME = pathToFileURL(join(ROOT, "apps/cli/scripts/kubernetes-models-validate/runtime.mjs")).href;

/** Values of PrometheusRule's `partial_response_strategy`, whose schema pattern (`^(?i)(abort|warn)?$`) is RE2's. */
const STRATEGIES = ["WARN", "abort", "Abort", "", "nope", "warn\n", "abortwarn"];

/**
 * Validates a PrometheusRule with each strategy in a fresh process, with or without the lazy stand-in installed:
 * whether re2-wasm was loaded before any value reached the pattern, and each verdict.
 */
function run(lazy: boolean): { loadedBeforeUse: boolean; loadedAfterUse: boolean; verdicts: string[] } {
  const script = `
    import { createRequire } from "node:module";
    import { installLazyRe2 } from ${JSON.stringify(RUNTIME)};
    const base = ${JSON.stringify(pathToFileURL(join(ROOT, "apps/cli/dist/")).href)};
    if (${lazy}) installLazyRe2(base, ${JSON.stringify((re2RuntimeFiles() as string[]).map((file) => `../../../${file}`))});
    const require = createRequire(${JSON.stringify(join(ROOT, "package.json"))});
    const re2Loaded = () => Object.keys(require.cache).some((file) => file.includes("/re2-wasm/"));
    const { PrometheusRule } = require("@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule");
    const rule = (group) => new PrometheusRule({ metadata: { name: "slo" }, spec: { groups: [{ name: "slo", rules: [], ...group }] } });
    rule({}).validate();
    const loadedBeforeUse = re2Loaded();
    const verdicts = ${JSON.stringify(STRATEGIES)}.map((strategy) => {
      try { rule({ partial_response_strategy: strategy }).validate(); return "valid"; } catch (error) { return error.message; }
    });
    console.log(JSON.stringify({ loadedBeforeUse, loadedAfterUse: re2Loaded(), verdicts }));
  `;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" })) as ReturnType<typeof run>;
}

describe("RE2 patterns of the kubernetes-models 4 validators, compiled on first use (runtime.mjs installLazyRe2)", () => {
  it("finds the copies of @kubernetes-models/validate whose validators build RE2 patterns", () => {
    expect(re2RuntimeFiles()).toContain("node_modules/@kubernetes-models/validate/dist/runtime/re2.js");
  });

  it("loading and running PrometheusRule's validator does not load re2-wasm until a value reaches the pattern; RE2's verdicts", () => {
    const eager = run(false);
    const lazy = run(true);
    // Without the stand-in the validator's module compiles its pattern when it loads.
    expect(eager.loadedBeforeUse).toBe(true);
    expect(lazy).toEqual({ loadedBeforeUse: false, loadedAfterUse: true, verdicts: eager.verdicts });
    expect(lazy.verdicts).toEqual([
      "valid",
      "valid",
      "valid",
      "valid",
      'data/spec/groups/0/partial_response_strategy must match pattern "^(?i)(abort|warn)?$"',
      'data/spec/groups/0/partial_response_strategy must match pattern "^(?i)(abort|warn)?$"',
      'data/spec/groups/0/partial_response_strategy must match pattern "^(?i)(abort|warn)?$"',
    ]);
  });
});

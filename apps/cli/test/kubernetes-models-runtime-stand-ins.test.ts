import { execFileSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript without declarations: the build's own modules.
import { leanValidateFolders, re2RuntimeFiles } from "../scripts/kubernetes-models-validate/precompile.mjs";
// @ts-expect-error -- plain JavaScript without declarations: the build's own modules.
import { lazyExport } from "../scripts/kubernetes-models-validate/runtime.mjs";

/** The repository root, from this file's location (apps/cli/test). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const RUNTIME = pathToFileURL(join(ROOT, "apps/cli/scripts/kubernetes-models-validate/runtime.mjs")).href;

// What the compiled CLI puts in Node's module cache in the place of parts of `@kubernetes-models/validate` 4
// (apps/cli/scripts/kubernetes-models-validate/runtime.mjs): each gives the original's verdicts and messages, and
// loads less.

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

/** Sample values for every format: strings of each kind the formats name, and numbers. */
const FORMAT_SAMPLES: readonly unknown[] = ["", "x", "1", "-1", "1Gi", "500m", "2024-02-30", "2024-01-01", "2024-01-01T10:00:00Z", "10:00:00Z", "P1D", "PT1H", "P1W", "10.0.0.0/8", "10.0.0.1", "::1", "fe80::/10", "10.0.0.0/33", "https://example.com/a?b", "https://bücher.example/", "/relative", "a@b.co", "ü@bücher.example", "xn--bcher-kva.example", "bücher.example", "-bad-.example", "ab==", "abc=", "*.example", "{a}", "(", "/a~0b", "0/a", "#/a", "f81d4fae-7dec-11d0-a765-00a0c91e6bf6", 0, 1, -1, 1.5, 2 ** 31, 2 ** 53, Number.MAX_VALUE];

/**
 * In a fresh process, with or without the lean stand-ins: the modules loaded once an invalid Deployment and a valid
 * PrometheusRule were validated, the Deployment's error, and every format's name, type and verdicts on the samples.
 */
function formatsRun(lean: boolean): { loaded: string[]; error: unknown; formats: unknown[] } {
  const script = `
    import { createRequire } from "node:module";
    import { installLeanValidate } from ${JSON.stringify(RUNTIME)};
    const base = ${JSON.stringify(pathToFileURL(join(ROOT, "apps/cli/dist/")).href)};
    if (${lean}) installLeanValidate(base, ${JSON.stringify((leanValidateFolders() as string[]).map((folder) => `../../../${folder}/`))});
    const require = createRequire(${JSON.stringify(join(ROOT, "package.json"))});
    const { Deployment } = require("kubernetes-models/apps/v1/Deployment");
    const { PrometheusRule } = require("@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule");
    new PrometheusRule({ metadata: { name: "slo" }, spec: { groups: [{ name: "slo", rules: [{ record: "r", expr: "1" }] }] } }).validate();
    let error;
    try {
      new Deployment({ metadata: { name: "web", creationTimestamp: "yesterday" }, spec: { replicas: "2", selector: {}, template: { spec: { containers: [{ name: 1 }] } } } }).validate();
    } catch (caught) {
      error = { name: caught.constructor.name, message: caught.message, errors: caught.errors.map((e) => [e.instancePath, e.keyword, e.message]) };
    }
    const loaded = Object.keys(require.cache)
      .filter((file) => /node_modules[/](ajv-formats-draft2019|ajv-i18n|is-cidr|punycode|uri-js|smtp-address-parser)[/]/.test(file))
      .map((file) => file.slice(file.lastIndexOf("node_modules/") + "node_modules/".length));
    const { formats } = require("@kubernetes-models/validate");
    const samples = ${JSON.stringify(FORMAT_SAMPLES)};
    const verdict = (format, value) => {
      const check = format instanceof RegExp || typeof format === "function" ? format : format.validate;
      try { return check instanceof RegExp ? check.test(value) : check(value); } catch (caught) { return "threw " + caught.message; }
    };
    const described = Object.keys(formats).map((name) => [name, formats[name].type ?? null, samples.map((value) => verdict(formats[name], value))]);
    console.log(JSON.stringify({ loaded: loaded.sort(), error, formats: described }));
  `;
  return JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" })) as ReturnType<typeof formatsRun>;
}

describe("@kubernetes-models/validate 4's formats and error wording, loading less (runtime.mjs installLeanValidate)", () => {
  it("finds the copies of @kubernetes-models/validate 4", () => {
    expect(leanValidateFolders()).toEqual(["node_modules/@kubernetes-models/validate"]);
  });

  it("the same formats in the same order, the same verdicts and the same errors; neither the draft 2019 formats, is-cidr nor ajv-i18n's other languages are loaded by validating models", () => {
    const original = formatsRun(false);
    const lean = formatsRun(true);
    expect(original.loaded).toContain("ajv-i18n/localize/index.js");
    expect(original.loaded).toContain("ajv-formats-draft2019/formats/index.js");
    expect(lean.loaded).toEqual(["ajv-i18n/localize/en/index.js"]);
    expect(lean.error).toEqual(original.error);
    expect(lean.error).toMatchObject({ name: "ValidationError", message: expect.stringContaining("data/spec/replicas must be integer") });
    expect(lean.formats).toEqual(original.formats);
    expect((lean.formats as [string][]).map(([name]) => name)).toEqual(expect.arrayContaining(["int32", "int64", "date-time", "byte", "quantity", "cidr", "idn-hostname", "duration"]));
  });
});

describe("a model class loaded on first use (runtime.mjs lazyExport, what the renderer imports in the compiled CLI)", () => {
  class Model {
    static readonly apiVersion = "example.com/v1";
    static kind(): string {
      return "Model";
    }
    constructor(readonly spec: unknown) {}
    describe(): string {
      return `${Model.kind()} ${JSON.stringify(this.spec)}`;
    }
  }
  function lazy(): { Lazy: typeof Model; loads: () => number } {
    let loads = 0;
    const Lazy = lazyExport(() => {
      loads++;
      return { Model };
    }, "Model") as typeof Model;
    return { Lazy, loads: () => loads };
  }

  it("loads nothing until the class is used, then once", () => {
    const { Lazy, loads } = lazy();
    expect(typeof Lazy).toBe("function");
    expect(loads()).toBe(0);
    new Lazy(1);
    new Lazy(2);
    expect(Lazy.name).toBe("Model");
    expect(loads()).toBe(1);
  });

  it("makes the class's own instances, with its prototype, statics and instanceof", () => {
    const { Lazy } = lazy();
    const made = new Lazy({ replicas: 2 });
    expect(Object.getPrototypeOf(made)).toBe(Model.prototype);
    expect(made).toBeInstanceOf(Model);
    expect(made).toBeInstanceOf(Lazy);
    expect(new Model(1)).toBeInstanceOf(Lazy);
    expect(made.describe()).toBe('Model {"replicas":2}');
    expect(Lazy.apiVersion).toBe("example.com/v1");
    expect(Lazy.kind()).toBe("Model");
    expect("apiVersion" in Lazy).toBe(true);
    expect(Object.getPrototypeOf(Lazy)).toBe(Object.getPrototypeOf(Model));
  });

  it("a subclass of it extends the class", () => {
    const { Lazy } = lazy();
    class Sub extends Lazy {}
    const made = new Sub("x");
    expect(made).toBeInstanceOf(Model);
    expect(made).toBeInstanceOf(Sub);
    expect(made.describe()).toBe('Model "x"');
  });
});

import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, writeFile } from "../helpers.ts";
import { binWorkspace, runBin, writePlatform } from "./fault-fixtures.ts";

// A spec file that throws or never settles while it loads: one line naming the file, exit 1, nothing written; a
// --timeout bounds the loading of each file (default 30 s).

const A = { services: 2, team: "alpha", tag: "1.0.0" } as const;
const synth = ["synth", "--platform", "platform", "--out", "environments"];

describe("a spec that does not load", () => {
  it("never settles (a top-level await on a promise that never resolves, a timer keeping the process alive): --timeout ends it, naming the file", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform", A);
    writeFile(cwd, "platform/services/shop/stuck.ts", "setInterval(() => {}, 1000);\nawait new Promise(() => {});\nexport default {};\n");
    const result = await runBin(cwd, [...synth, "--timeout", "1"]);
    expect(result.stderr).toBe(
      "cloudlab: platform/services/shop/stuck.ts: did not finish loading within 1 s (a top-level await that never settles?); --timeout SECONDS allows longer\n",
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(existsSync(join(cwd, "environments"))).toBe(false);
  });

  it("rejects asynchronously while loading: one line naming the file, exit 1, nothing written", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform", A);
    writeFile(cwd, "platform/tenants/late.ts", 'await new Promise((_, reject) => setTimeout(() => reject(new Error("the vault is sealed")), 10));\nexport default {};\n');
    const result = await run(cwd, synth);
    expect(result).toEqual({ code: 1, stdout: "", stderr: "cloudlab: platform/tenants/late.ts: cannot be loaded: the vault is sealed\n" });
    expect(existsSync(join(cwd, "environments"))).toBe(false);
  });

  // The real bin (compiled, once `npm ci` built it): the specs load from their compiled module, or, when they do not
  // compile, one by one through tsx; either way the error names the file and nothing is written.
  it("throws while loading, through the real bin: one line naming the file, exit 1, nothing written", async () => {
    const cwd = binWorkspace();
    writePlatform(cwd, "platform", A);
    writeFile(cwd, "platform/services/shop/broken.ts", 'throw new Error("boom\\nsecond line");\nexport default {};\n');
    const result = await runBin(cwd, synth);
    expect(result.stderr).toBe("cloudlab: platform/services/shop/broken.ts: cannot be loaded: boom second line\n");
    expect(result.code).toBe(1);
    expect(existsSync(join(cwd, "environments"))).toBe(false);
  });

  it("has a syntax error or an import that does not resolve, through the real bin: one line naming the file, exit 1", async () => {
    for (const source of ["export default {\n", 'import { x } from "./missing.ts";\nexport default { x };\n']) {
      const cwd = binWorkspace();
      writePlatform(cwd, "platform", A);
      writeFile(cwd, "platform/services/shop/broken.ts", source);
      const result = await runBin(cwd, synth);
      expect(result.stderr).toMatch(/^cloudlab: platform\/services\/shop\/broken\.ts: cannot be loaded: [^\n]+\n$/);
      expect(result.code).toBe(1);
      expect(existsSync(join(cwd, "environments"))).toBe(false);
    }
  });

  it("--timeout takes a positive number of seconds", async () => {
    const cwd = binWorkspace();
    for (const value of ["0", "1e999", "soon", ""]) {
      const result = await run(cwd, [...synth, "--timeout", value]);
      expect(result).toEqual({ code: 2, stdout: "", stderr: `cloudlab: --timeout takes a positive number of seconds, not "${value}"\nRun \`cloudlab --help\` for usage.\n` });
    }
  });
});

import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { makeTempDir, writeFile } from "./helpers.ts";

// V8's code cache for the CommonJS files the compiled CLI loads in bulk (src/compile-cache.ts). It patches Node's
// CommonJS loader once per process, so each case runs in a child process of its own.

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const MODULE = pathToFileURL(join(REPO_ROOT, "apps/cli/src/compile-cache.ts")).href;

/** A large module (above the size threshold) whose function answers with `answer`, and which requires a small one. */
function largeModule(answer: string): string {
  const padding = `// ${"x".repeat(20_000)}\n`;
  return `${padding}const { helper } = require("./small.js");\nexports.answer = () => helper(${JSON.stringify(answer)});\nexports.where = [__filename, __dirname];\nexports.resolved = require.resolve("./small.js");\n`;
}

function fixture(): string {
  const dir = makeTempDir("cloudlab-compile-cache-");
  writeFile(dir, "lib/large.js", largeModule("one"));
  writeFile(dir, "lib/small.js", "exports.helper = (value) => `helped ${value}`;\n");
  writeFile(dir, "lib/esm-syntax.js", `${"// padding\n".repeat(2_000)}export const value = 1;\n`);
  writeFile(dir, "other/large.js", largeModule("other"));
  return dir;
}

/** Runs a child that installs the cache (files under lib/ only) and requires `modules`; what each exported. */
function run(dir: string, modules: readonly string[]): string {
  const script = `
    import { createRequire } from "node:module";
    import { installCompileCache } from ${JSON.stringify(MODULE)};
    installCompileCache({ dir: ${JSON.stringify(join(dir, "cache"))}, includes: (file) => file.includes("/lib/") });
    const require = createRequire(${JSON.stringify(join(dir, "index.js"))});
    const results = ${JSON.stringify(modules)}.map((name) => {
      try {
        const loaded = require(name);
        return loaded.answer ? [loaded.answer(), loaded.where, loaded.resolved] : Object.keys(loaded);
      } catch (error) {
        return "threw " + error.message;
      }
    });
    console.log(JSON.stringify(results));
  `;
  return execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO_ROOT, encoding: "utf8" }).trim();
}

function entries(dir: string): string[] {
  return existsSync(join(dir, "cache")) ? readdirSync(join(dir, "cache")).sort() : [];
}

describe("the compiled CLI's V8 code cache (compile-cache.ts)", () => {
  it("caches the included files above the size threshold; the modules behave as Node's own (require, resolve, __filename, __dirname)", () => {
    const dir = fixture();
    const expected = JSON.stringify([["helped one", [join(dir, "lib/large.js"), join(dir, "lib")], join(dir, "lib/small.js")], ["helped other", [join(dir, "other/large.js"), join(dir, "other")], join(dir, "other/small.js")]]);
    writeFile(dir, "other/small.js", "exports.helper = (value) => `helped ${value}`;\n");
    expect(run(dir, ["./lib/large.js", "./other/large.js"])).toBe(expected);
    // lib/large.js only: lib/small.js is below the threshold, other/ is not included.
    expect(entries(dir)).toHaveLength(1);
    const [entry] = entries(dir);
    const written = statSync(join(dir, "cache", entry!)).mtimeMs;
    // The second run reads the entry and writes nothing.
    expect(run(dir, ["./lib/large.js", "./other/large.js"])).toBe(expected);
    expect(entries(dir)).toEqual([entry]);
    expect(statSync(join(dir, "cache", entry!)).mtimeMs).toBe(written);
  });

  it("a file whose content changed, even to the same length, runs its new code (the entry is named by the content)", () => {
    const dir = fixture();
    expect(run(dir, ["./lib/large.js"])).toContain('"helped one"');
    const before = readFileSync(join(dir, "lib/large.js"), "utf8");
    writeFileSync(join(dir, "lib/large.js"), before.replace('"one"', '"two"'));
    expect(readFileSync(join(dir, "lib/large.js"), "utf8")).toHaveLength(before.length);
    expect(run(dir, ["./lib/large.js"])).toContain('"helped two"');
    expect(entries(dir)).toHaveLength(2);
  });

  it("an entry V8 rejects (garbage) is ignored and rewritten", () => {
    const dir = fixture();
    run(dir, ["./lib/large.js"]);
    const [entry] = entries(dir);
    writeFileSync(join(dir, "cache", entry!), "not a code cache");
    expect(run(dir, ["./lib/large.js"])).toContain('"helped one"');
    expect(readFileSync(join(dir, "cache", entry!)).length).toBeGreaterThan(1_000);
  });

  it("a cache folder that cannot be written: the modules still load", () => {
    const dir = fixture();
    writeFile(dir, "cache/.keep", "");
    chmodSync(join(dir, "cache"), 0o500);
    try {
      expect(run(dir, ["./lib/large.js"])).toContain('"helped one"');
      // root may write anyway; either way nothing failed
    } finally {
      chmodSync(join(dir, "cache"), 0o700);
    }
  });

  it("a file with a dynamic import() is left to Node, whose import() works in it (a vm.Script's would not on Node 20)", () => {
    const dir = fixture();
    writeFile(dir, "lib/value.mjs", "export const value = 42;\n");
    writeFile(dir, "lib/dynamic.js", `// ${"x".repeat(20_000)}\nexports.load = () => import("./value.mjs").then((m) => m.value);\n`);
    const script = `
      import { createRequire } from "node:module";
      import { installCompileCache } from ${JSON.stringify(MODULE)};
      installCompileCache({ dir: ${JSON.stringify(join(dir, "cache"))}, includes: (file) => file.includes("/lib/") });
      process.stdout.write(String(await createRequire(${JSON.stringify(join(dir, "index.js"))})("./lib/dynamic.js").load()));
    `;
    const loadTwice = () => [1, 2].map(() => execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO_ROOT, encoding: "utf8" }).trim());
    expect(loadTwice()).toEqual(["42", "42"]);
    expect(entries(dir)).toEqual([]);
  });

  it("a file that is not a script (ES module syntax) is left to Node, which reports it as before", () => {
    const dir = fixture();
    const result = JSON.parse(run(dir, ["./lib/esm-syntax.js"])) as unknown[];
    // Node 20.19+ and 22.12+ load it as an ES module (require of ESM); older ones throw their own SyntaxError.
    expect(result[0] === "threw Unexpected token 'export'" || JSON.stringify(result[0]) === '["value"]').toBe(true);
    expect(entries(dir)).toEqual([]);
  });
});

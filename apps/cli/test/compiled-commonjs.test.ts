import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileFunction } from "node:vm";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain JavaScript without declarations: the bin's own module.
import { freshBuild } from "../bin/build-state.js";

// The compiled CLI's outputs are CommonJS modules (scripts/build.mjs `commonJsOutput`), so that V8's code cache can
// take them on Node 20 (src/compiled-code-cache.ts). The cache leaves a file with an `import(` to Node, so an output
// that kept a dynamic import of another output would silently lose it: only the platform loader's chunk may keep one
// (tsx's API and the platform's specs are ES modules).

const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
const COMPILED = freshBuild() !== undefined && existsSync(join(DIST, "meta.json"));

describe.skipIf(!COMPILED)("the compiled CLI as CommonJS (compiled CLI; skipped when dist/ is stale: npm run build)", () => {
  const outputs = readdirSync(DIST).filter((name) => name.endsWith(".js")).sort();

  it("marks its folder CommonJS, and no output keeps ES module syntax or import.meta", () => {
    expect(JSON.parse(readFileSync(join(DIST, "package.json"), "utf8"))).toEqual({ type: "commonjs" });
    for (const name of outputs) {
      const code = readFileSync(join(DIST, name), "utf8");
      expect([name, code.startsWith('"use strict";\n')]).toEqual([name, true]);
      // Compiles as a CommonJS module's body: an import or export statement, or import.meta, would not.
      expect(() => compileFunction(code, ["exports", "require", "module", "__filename", "__dirname"], { filename: name })).not.toThrow();
    }
  });

  it("requires its own chunks: an import() remains only for what is not an output (tsx's API, the platform's specs)", () => {
    const withImport = outputs.filter((name) => /\bimport\(/.test(readFileSync(join(DIST, name), "utf8").replace(/"[^"\n]*import\([^"\n]*"/g, "")));
    expect(withImport).toHaveLength(1);
    const loader = readFileSync(join(DIST, withImport[0]!), "utf8");
    expect(loader).toContain('import("tsx/esm/api")');
    for (const name of outputs) expect([name, readFileSync(join(DIST, name), "utf8").includes(`import("./${name}")`)]).toEqual([name, false]);
    expect(outputs.some((name) => /Promise\.resolve\(\)\.then\(\(\) => require\("\.\/chunk-[A-Z0-9]+\.js"\)\)/.test(readFileSync(join(DIST, name), "utf8")))).toBe(true);
  });
});

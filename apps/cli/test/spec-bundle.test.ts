import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { verifiedBody } from "../src/incremental/render-cache.ts";
import { specBundle, type SpecBundleOptions } from "../src/spec-bundle.ts";
import { REPO_ROOT } from "./faults/fault-fixtures.ts";
import { makeTempDir, writeFile } from "./helpers.ts";

// The compiled CLI's cache of the platform's specs compiled by esbuild (spec-bundle.ts): trusted only while every
// input has the content it was compiled from; a bad entry is ignored and rewritten; writers never leave a torn entry.

const SPECS = ["platform/tenants/shop.ts", "platform/services/shop/web.ts", "platform/environments/dev.ts"];

/** A platform whose specs import a local file, a symlinked TypeScript package and a JavaScript package from node_modules. */
function platform(): string {
  const cwd = makeTempDir("cloudlab-spec-bundle-");
  writeFile(cwd, "package.json", '{ "type": "module" }\n');
  writeFile(cwd, "platform/lib/team.ts", 'export const team: string = "shop";\n');
  writeFile(cwd, "platform/tenants/shop.ts", 'import { team } from "../lib/team.ts";\nexport default { name: "shop", team };\n');
  writeFile(cwd, "platform/services/shop/web.ts", 'import { tag } from "@acme/tags";\nimport { port } from "ports";\nexport default { name: "web", tag, port };\n');
  writeFile(cwd, "platform/environments/dev.ts", 'await new Promise((resolve) => setTimeout(resolve, 5));\nexport default { name: "dev" } as { name: string };\n');
  // A workspace package in TypeScript, linked into node_modules as npm links workspaces.
  writeFile(cwd, "libs/tags/package.json", '{ "name": "@acme/tags", "type": "module", "exports": "./index.ts" }\n');
  writeFile(cwd, "libs/tags/index.ts", 'export const tag: string = "1.0.0";\n');
  writeFile(cwd, "node_modules/@acme/.keep", "");
  symlinkSync(join(cwd, "libs/tags"), join(cwd, "node_modules/@acme/tags"));
  // A package from the registry, in JavaScript.
  writeFile(cwd, "node_modules/ports/package.json", '{ "name": "ports", "type": "module", "exports": "./index.js" }\n');
  writeFile(cwd, "node_modules/ports/index.js", "export const port = 8080;\n");
  return cwd;
}

function options(cwd: string, more: Partial<SpecBundleOptions> = {}): SpecBundleOptions {
  return { cacheDir: join(cwd, "node_modules/.cache/cloudlab/specs"), key: join(cwd, "platform"), ...more };
}

/** Every spec's default export, loaded through a bundle, and where the bundle came from. */
async function loadAll(cwd: string, more: Partial<SpecBundleOptions> = {}): Promise<{ source: string; specs: unknown[] } | undefined> {
  const bundle = await specBundle(SPECS.map((s) => join(cwd, s)), cwd, options(cwd, more));
  if (bundle === undefined) return undefined;
  const specs = [];
  for (const spec of SPECS) specs.push((await bundle.load(join(cwd, spec))).default);
  return { source: bundle.source, specs };
}

/** The one cache entry's file. */
function entryPath(cwd: string): string {
  const dir = join(cwd, "node_modules/.cache/cloudlab/specs");
  const names = readdirSync(dir);
  expect(names).toHaveLength(1);
  return join(dir, names[0]!);
}

/** Rewrites a file with new content but its old size and modification time (a time-based cache would miss it). */
function editKeepingTime(path: string, from: string, to: string): void {
  expect(to).toHaveLength(from.length);
  const { atime, mtime } = statSync(path);
  writeFileSync(path, readFileSync(path, "utf8").replace(from, to));
  utimesSync(path, atime, mtime);
}

const SHOP = { name: "shop", team: "shop" };
const WEB = { name: "web", tag: "1.0.0", port: 8080 };
const DEV = { name: "dev" };

describe("the compiled specs' cache", () => {
  it("compiles the specs once, then loads them from the entry while nothing changed (a file's time alone changes nothing)", async () => {
    const cwd = platform();
    expect(await loadAll(cwd)).toEqual({ source: "compiled", specs: [SHOP, WEB, DEV] });
    expect(await loadAll(cwd)).toEqual({ source: "cached", specs: [SHOP, WEB, DEV] });
    const later = new Date(Date.now() + 60_000);
    for (const spec of SPECS) utimesSync(join(cwd, spec), later, later);
    expect(await loadAll(cwd)).toEqual({ source: "cached", specs: [SHOP, WEB, DEV] });
  });

  it("compiles again when a spec's content changes, even with the same size and time", async () => {
    const cwd = platform();
    await loadAll(cwd);
    editKeepingTime(join(cwd, "platform/environments/dev.ts"), '"dev"', '"qa!"');
    expect(await loadAll(cwd)).toEqual({ source: "compiled", specs: [SHOP, WEB, { name: "qa!" }] });
    expect(await loadAll(cwd)).toMatchObject({ source: "cached" });
  });

  it("calls whileCompiling once esbuild was asked to compile (so the synth loads its renderer meanwhile), never for a cached entry", async () => {
    const cwd = platform();
    const events: string[] = [];
    const esbuild = async () => {
      const real = await import("esbuild");
      return { ...real, build: ((...args: Parameters<typeof real.build>) => (events.push("build"), real.build(...args))) as typeof real.build };
    };
    const whileCompiling = () => events.push("whileCompiling");
    expect(await loadAll(cwd, { esbuild, whileCompiling })).toMatchObject({ source: "compiled" });
    expect(events).toEqual(["build", "whileCompiling"]);
    expect(await loadAll(cwd, { esbuild, whileCompiling })).toMatchObject({ source: "cached" });
    expect(events).toEqual(["build", "whileCompiling"]);
  });

  it("compiles again when a file a spec imports changes", async () => {
    const cwd = platform();
    await loadAll(cwd);
    editKeepingTime(join(cwd, "platform/lib/team.ts"), '"shop"', '"sale"');
    expect(await loadAll(cwd)).toEqual({ source: "compiled", specs: [{ name: "shop", team: "sale" }, WEB, DEV] });
  });

  it("compiles again when a package a spec imports changes: a TypeScript workspace package, or a JavaScript one from node_modules", async () => {
    const cwd = platform();
    await loadAll(cwd);
    editKeepingTime(join(cwd, "libs/tags/index.ts"), '"1.0.0"', '"1.0.1"');
    expect(await loadAll(cwd)).toEqual({ source: "compiled", specs: [SHOP, { ...WEB, tag: "1.0.1" }, DEV] });
    // A JavaScript package runs from its own file (this process has loaded it already, so only the entry can show it).
    const before = JSON.parse(verifiedBody(readFileSync(entryPath(cwd), "utf8"))!).inputs;
    editKeepingTime(join(cwd, "node_modules/ports/index.js"), "8080", "9090");
    expect(await loadAll(cwd)).toMatchObject({ source: "compiled" });
    const after = JSON.parse(verifiedBody(readFileSync(entryPath(cwd), "utf8"))!).inputs;
    const portsFile = join(cwd, "node_modules/ports/index.js");
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after[portsFile]).not.toBe(before[portsFile]);
    expect(Object.keys(after).map((p) => p.slice(cwd.length + 1))).toEqual([
      "libs/tags/index.ts",
      "node_modules/ports/index.js",
      "platform/environments/dev.ts",
      "platform/lib/team.ts",
      "platform/services/shop/web.ts",
      "platform/tenants/shop.ts",
    ]);
  });

  it("compiles again for another list of spec files, other package entries or another salt (the CLI build)", async () => {
    const cwd = platform();
    await loadAll(cwd);
    expect(await loadAll(cwd, { salt: "build-2" })).toMatchObject({ source: "compiled" });
    expect(await loadAll(cwd, { salt: "build-2" })).toMatchObject({ source: "cached" });
    writeFile(cwd, "model.mjs", "export const defineTenant = (spec) => ({ ...spec, defined: true });\n");
    writeFile(cwd, "platform/tenants/shop.ts", 'import { defineTenant } from "@cloudlab/model";\nexport default defineTenant({ name: "shop", team: "shop" });\n');
    const packages = { "@cloudlab/model": pathToFileURL(join(cwd, "model.mjs")).href };
    expect(await loadAll(cwd, { salt: "build-2", packages })).toEqual({ source: "compiled", specs: [{ ...SHOP, defined: true }, WEB, DEV] });
    const bundle = await specBundle([join(cwd, SPECS[0]!)], cwd, options(cwd, { salt: "build-2", packages }));
    expect(bundle?.source).toBe("compiled");
  });

  it("ignores an entry cut short, garbled or of another format, and writes a whole one in its place", async () => {
    const cwd = platform();
    await loadAll(cwd);
    const path = entryPath(cwd);
    const whole = readFileSync(path, "utf8");
    const body = verifiedBody(whole)!;
    const entry = JSON.parse(body);
    const corruptions = [
      whole.slice(0, whole.length / 2),
      `${whole.slice(0, 200)}${whole[200] === "a" ? "b" : "a"}${whole.slice(201)}`,
      "",
      `${"0".repeat(64)}\n${body}`,
      whole.replace(body, body.replace("setTimeout", "setTimeouX")),
    ];
    for (const corrupt of corruptions) {
      expect(corrupt).not.toBe(whole);
      writeFileSync(path, corrupt);
      expect(await loadAll(cwd)).toEqual({ source: "compiled", specs: [SHOP, WEB, DEV] });
      expect(readFileSync(path, "utf8")).toBe(whole);
    }
    // A well-sealed entry whose code was tampered with, or of another format, is not trusted either.
    const { createHash } = await import("node:crypto");
    const seal = (text: string) => `${createHash("sha256").update(text).digest("hex")}\n${text}`;
    writeFileSync(path, seal(JSON.stringify({ ...entry, format: entry.format + 1 })));
    expect(await loadAll(cwd)).toMatchObject({ source: "compiled" });
    writeFileSync(path, seal(JSON.stringify({ ...entry, code: 42 })));
    expect(await loadAll(cwd)).toMatchObject({ source: "compiled" });
    expect(readFileSync(path, "utf8")).toBe(whole);
  });

  it("keeps each file's own failure: a spec that throws rejects when it is loaded, not before, and the others still load", async () => {
    const cwd = platform();
    writeFile(cwd, "platform/services/shop/web.ts", 'throw new Error("boom");\nexport default {};\n');
    const bundle = await specBundle(SPECS.map((s) => join(cwd, s)), cwd, options(cwd));
    expect(bundle?.source).toBe("compiled");
    expect((await bundle!.load(join(cwd, SPECS[0]!))).default).toEqual(SHOP);
    await expect(bundle!.load(join(cwd, SPECS[1]!))).rejects.toThrow("boom");
    expect((await bundle!.load(join(cwd, SPECS[2]!))).default).toEqual(DEV);
  });

  it("gives up (the files then load one by one, reporting what is wrong as before) on a syntax error, an unresolved import, code that depends on its file's location, or without esbuild", async () => {
    const cases: Record<string, string> = {
      "a syntax error": 'export default { name: "shop", };;\nconst = 1;\n',
      "an unresolved import": 'import { x } from "./missing.ts";\nexport default { name: "shop", x };\n',
      "a missing package": 'import { x } from "not-installed";\nexport default { name: "shop", x };\n',
      "import.meta": 'export default { name: "shop", url: import.meta.url };\n',
      __dirname: 'export default { name: "shop", dir: __dirname };\n',
      require: 'const { join } = require("node:path");\nexport default { name: "shop", dir: join("a", "b") };\n',
    };
    for (const [name, source] of Object.entries(cases)) {
      const cwd = platform();
      writeFile(cwd, "platform/tenants/shop.ts", source);
      expect({ name, loaded: await loadAll(cwd) }).toEqual({ name, loaded: undefined });
      expect(existsSync(join(cwd, "node_modules/.cache/cloudlab/specs"))).toBe(false);
    }
    expect(await loadAll(platform(), { esbuild: async () => undefined })).toBeUndefined();
  });

  it("gives up when the packages the compiled module imports at its top do not load (the files then load one by one)", async () => {
    const cwd = platform();
    writeFile(cwd, "node_modules/ports/index.js", 'throw new Error("ports is broken");\n');
    expect(await loadAll(cwd)).toBeUndefined();
  });

  it("several processes rewriting the entry at once never leave it torn: every read finds a whole entry or none", async () => {
    const cwd = platform();
    const writers = ["a", "b", "c"].map(
      (name) =>
        new Promise<number | null>((resolveExit) => {
          const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, "apps/cli/test/spec-bundle-writer.ts"), cwd, SPECS.join(","), name, "8"], {
            cwd: REPO_ROOT,
            stdio: ["ignore", "ignore", "inherit"],
          });
          child.on("close", resolveExit);
        }),
    );
    let running = true;
    const codes = Promise.all(writers).finally(() => (running = false));
    const entry = join(cwd, "cache");
    let reads = 0;
    let whole = 0;
    const salts = new Set<string>();
    while (running) {
      await new Promise((resolveTick) => setTimeout(resolveTick, 2));
      const names = existsSync(entry) ? readdirSync(entry).filter((n) => n.endsWith(".json")) : [];
      for (const name of names) {
        reads++;
        let text: string;
        try {
          text = readFileSync(join(entry, name), "utf8");
        } catch {
          continue;
        }
        const body = verifiedBody(text);
        expect(body).toBeDefined();
        salts.add(JSON.parse(body!).salt);
        whole++;
      }
    }
    expect(await codes).toEqual([0, 0, 0]);
    // The reads saw the entry replaced by several writers' rounds, and every one of them whole.
    expect(salts.size).toBeGreaterThan(1);
    expect(reads).toBe(whole);
    // One entry, whole, and no temporary file left behind.
    expect(readdirSync(join(cwd, "cache"))).toHaveLength(1);
    expect(verifiedBody(readFileSync(join(cwd, "cache", readdirSync(join(cwd, "cache"))[0]!), "utf8"))).toBeDefined();
  }, 120_000);
});

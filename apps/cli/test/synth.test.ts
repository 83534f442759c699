import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { USAGE } from "../src/main.ts";
import {
  changedPaths,
  listDirectories,
  makeWorkspace,
  nextWorkspace,
  referenceRender,
  run,
  samplePlatformSpecs,
  snapshotTree,
  writeFile,
  type RunResult,
} from "./helpers.ts";

const SYNTH = ["synth", "--platform", "platform", "--out", "environments"] as const;
const CHECK = [...SYNTH, "--check"] as const;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const CHECKOUT_DEPLOYMENTS = ["dev/shop/checkout/deployment-checkout.yaml", "prod-us-west-2/shop/checkout/deployment-checkout.yaml"];

/** A fresh render of the sample platform by the pure pipeline: what the CLI must write. */
let reference: Map<string, Buffer>;
let ALL_FILES: string[];
let DEV_FILES: string[];
let PROD_FILES: string[];

beforeAll(async () => {
  reference = await referenceRender();
  ALL_FILES = [...reference.keys()];
  DEV_FILES = ALL_FILES.filter((path) => path.startsWith("dev/"));
  PROD_FILES = ALL_FILES.filter((path) => path.startsWith("prod-us-west-2/"));
});

/** The summary line of a successful `synth`. */
function summary(environments: string, files: number, written: number, removed: number, unchanged: number): string {
  return `synth: ${environments}: ${files} files (${written} written, ${removed} removed, ${unchanged} unchanged) in environments/\n`;
}

/**
 * Checks a successful `synth`: exit 0, nothing on stderr, and stdout ending with the one-line summary (after the
 * capacity table).
 */
function expectSummary(result: RunResult, line: string): void {
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(result.stdout.endsWith(line)).toBe(true);
  expect(result.stdout.split("\n").filter((l) => l.startsWith("synth: "))).toEqual([line.trimEnd()]);
}

/** A time no run of the CLI can produce: files still carrying it were not rewritten. */
const LONG_AGO = new Date("2001-02-03T04:05:06Z");

/** Sets every file under `root` to {@link LONG_AGO}. */
function age(root: string): void {
  for (const path of snapshotTree(root).keys()) utimesSync(join(root, path), LONG_AGO, LONG_AGO);
}

/** The files under `root` whose mtime is no longer {@link LONG_AGO} (written since {@link age}), sorted. */
function touched(root: string): string[] {
  return [...snapshotTree(root).keys()].filter((path) => statSync(join(root, path)).mtimeMs !== LONG_AGO.getTime());
}

type Specs = Record<string, any>;

/** The sample specs, changed by `change`. */
function specsWith(change: (specs: Specs) => void): Specs {
  const specs = samplePlatformSpecs() as Specs;
  change(specs);
  return specs;
}

/** A workspace whose `environments/` holds a clean render of the sample platform. */
async function renderedWorkspace(): Promise<string> {
  const cwd = makeWorkspace();
  const result = await run(cwd, SYNTH);
  expect(result).toMatchObject({ code: 0, stderr: "" });
  expect(snapshotTree(join(cwd, "environments"))).toEqual(reference);
  return cwd;
}

/** Renders the sample platform, then runs `argv` on `specs` (plus `extraFiles`) over that render. */
async function runOverRender(
  specs: Specs,
  argv: readonly string[] = SYNTH,
  extraFiles: Record<string, string> = {},
): Promise<{ cwd: string; out: string; before: Map<string, Buffer>; result: RunResult }> {
  const cwd = nextWorkspace(await renderedWorkspace(), specs);
  for (const [path, content] of Object.entries(extraFiles)) writeFile(cwd, path, content);
  const out = join(cwd, "environments");
  age(out);
  const before = snapshotTree(out);
  expect(before).toEqual(reference);
  return { cwd, out, before, result: await run(cwd, argv) };
}

describe("the sample platform", () => {
  it("renders the objects the tests rely on, in two environments", () => {
    expect(ALL_FILES).toEqual(expect.arrayContaining([
      "dev/kustomization.yaml",
      "dev/_cluster/namespace-shop.yaml",
      "dev/shop/checkout/deployment-checkout.yaml",
      "dev/shop/checkout/service-checkout.yaml",
      "dev/shop/web/deployment-web.yaml",
      "prod-us-west-2/kustomization.yaml",
      "prod-us-west-2/shop/checkout/deployment-checkout.yaml",
      "prod-us-west-2/shop/checkout/horizontalpodautoscaler-checkout.yaml",
      "prod-us-west-2/shop/checkout/service-checkout.yaml",
      "prod-us-west-2/shop/web/deployment-web.yaml",
    ]));
    expect(DEV_FILES.length + PROD_FILES.length).toBe(ALL_FILES.length);
  });
});

describe("cloudlab synth", () => {
  it("writes a fresh render byte for byte and prints a one-line summary", async () => {
    const cwd = makeWorkspace();
    const result = await run(cwd, SYNTH);
    expectSummary(result, summary("dev, prod-us-west-2", ALL_FILES.length, ALL_FILES.length, 0, 0));
    const tree = snapshotTree(join(cwd, "environments"));
    expect(tree).toEqual(reference);
    // Each environment's kustomization lists its desired-state files: tenants and _cluster, not the delivery objects
    // (_argocd, _flux, _bootstrap) nor the per-folder kustomizations.
    for (const [env, files] of [["dev", DEV_FILES], ["prod-us-west-2", PROD_FILES]] as const) {
      const listed = files
        .map((f) => f.slice(env.length + 1))
        .filter((f) => !f.endsWith("kustomization.yaml") && !/^_(argocd|flux|bootstrap|infra)\//.test(f))
        .map((f) => `  - ${f}`);
      expect(tree.get(`${env}/kustomization.yaml`)!.toString()).toBe(
        ["apiVersion: kustomize.config.k8s.io/v1beta1", "kind: Kustomization", "resources:", ...listed, ""].join("\n"),
      );
    }
    expect(tree.get("prod-us-west-2/shop/checkout/deployment-checkout.yaml")!.toString()).toContain("registry.example/shop/checkout:1.0.0");
  });

  it("defaults --out to environments/ and leaves no temporary files behind", async () => {
    const cwd = makeWorkspace();
    expect((await run(cwd, ["synth", "--platform", "platform"])).code).toBe(0);
    expect([...snapshotTree(cwd).keys()].filter((p) => p.includes(".cloudlab-tmp"))).toEqual([]);
    expect(snapshotTree(join(cwd, "environments"))).toEqual(reference);
  });

  it("writes nothing on a second run: every file keeps its bytes and its mtime", async () => {
    const cwd = await renderedWorkspace();
    const out = join(cwd, "environments");
    age(out);
    const result = await run(cwd, SYNTH);
    expectSummary(result, summary("dev, prod-us-west-2", ALL_FILES.length, 0, 0, ALL_FILES.length));
    expect(result.stdout).toContain("(0 written, 0 removed,");
    expect(touched(out)).toEqual([]);
    expect(snapshotTree(out)).toEqual(reference);
  });

  it("rewrites only the files whose bytes changed", async () => {
    const specs = specsWith((s) => {
      s["platform/services/shop/checkout.ts"].image.tag = "1.0.1";
    });
    const expected = await referenceRender(specs);
    const changed = changedPaths(reference, expected);
    expect(changed).toEqual(expect.arrayContaining(CHECKOUT_DEPLOYMENTS));
    expect(changed.length).toBeLessThan(ALL_FILES.length / 2);

    const { out, result } = await runOverRender(specs);
    expectSummary(result, summary("dev, prod-us-west-2", ALL_FILES.length, changed.length, 0, ALL_FILES.length - changed.length));
    expect(touched(out)).toEqual(changed);
    expect(snapshotTree(out)).toEqual(expected);
    for (const path of CHECKOUT_DEPLOYMENTS) expect(readFileSync(join(out, path), "utf8")).toContain("registry.example/shop/checkout:1.0.1");
  });

  it("restores a hand-edited file and a deleted one, and removes a stray file in an environment folder", async () => {
    const cwd = await renderedWorkspace();
    const out = join(cwd, "environments");
    appendFileSync(join(out, "dev/shop/web/deployment-web.yaml"), "# edited by hand\n");
    rmSync(join(out, "prod-us-west-2/shop/checkout/service-checkout.yaml"));
    writeFile(out, "dev/shop/web/stray.yaml", "kind: Stray\n");
    age(out);
    const result = await run(cwd, SYNTH);
    expectSummary(result, summary("dev, prod-us-west-2", ALL_FILES.length, 2, 1, ALL_FILES.length - 2));
    expect(touched(out)).toEqual(["dev/shop/web/deployment-web.yaml", "prod-us-west-2/shop/checkout/service-checkout.yaml"]);
    expect(snapshotTree(out)).toEqual(reference);
  });

  it("prunes a deleted service: its files and folders go, the kustomizations stop listing them, nothing else changes", async () => {
    const specs = specsWith((s) => {
      delete s["platform/services/shop/web.ts"];
    });
    const expected = await referenceRender(specs);
    const webFiles = ALL_FILES.filter((path) => path.includes("/shop/web/"));
    expect(webFiles.length).toBeGreaterThanOrEqual(6);
    const rewritten = [...expected.keys()].filter((path) => !reference.get(path)?.equals(expected.get(path)!));
    expect(rewritten).toEqual(expect.arrayContaining(["dev/kustomization.yaml", "prod-us-west-2/kustomization.yaml"]));
    const removed = ALL_FILES.filter((path) => !expected.has(path));
    expect(removed).toEqual(expect.arrayContaining(webFiles));

    const { out, before, result } = await runOverRender(specs);
    expectSummary(result, summary("dev, prod-us-west-2", expected.size, rewritten.length, removed.length, expected.size - rewritten.length));
    const after = snapshotTree(out);
    expect(after).toEqual(expected);
    expect([...after.keys()].filter((path) => path.includes("/web/"))).toEqual([]);
    expect(listDirectories(out).filter((dir) => dir.endsWith("/web"))).toEqual([]);
    for (const env of ["dev", "prod-us-west-2"]) {
      const kustomization = after.get(`${env}/kustomization.yaml`)!.toString();
      expect(kustomization).not.toMatch(/\bweb\b/);
      expect(kustomization).toContain("  - shop/checkout/deployment-checkout.yaml\n");
    }
    // Only the rewritten files were written; every other survivor kept its bytes and its mtime.
    expect(touched(out)).toEqual(rewritten);
    for (const [path, bytes] of after) if (!rewritten.includes(path)) expect(bytes).toEqual(before.get(path));
  });

  it("removes the folder of a deleted environment and leaves the others untouched", async () => {
    const { out, before, result } = await runOverRender(
      specsWith((s) => {
        delete s["platform/environments/prod-us-west-2.ts"];
      }),
    );
    expectSummary(result, summary("dev", DEV_FILES.length, 0, PROD_FILES.length, DEV_FILES.length));
    expect(existsSync(join(out, "prod-us-west-2"))).toBe(false);
    expect(listDirectories(out).every((dir) => dir === "dev" || dir.startsWith("dev/"))).toBe(true);
    expect(touched(out)).toEqual([]);
    expect(snapshotTree(out)).toEqual(new Map([...before].filter(([path]) => path.startsWith("dev/"))));
  });

  it("leaves alone what under the output folder is not an environment folder (no kustomization.yaml)", async () => {
    const cwd = await renderedWorkspace();
    const out = join(cwd, "environments");
    writeFile(out, "README.md", "Generated by cloudlab synth.\n");
    writeFile(out, "notes/todo.md", "- nothing\n");
    const before = snapshotTree(out);
    expect(await run(cwd, SYNTH)).toMatchObject({ code: 0, stderr: "" });
    expect(await run(cwd, CHECK)).toMatchObject({ code: 0, stderr: "" });
    expect(snapshotTree(out)).toEqual(before);
  });

  it("loads spec files that import the define* helpers from @cloudlab/model", async () => {
    const cwd = makeWorkspace({});
    mkdirSync(join(cwd, "node_modules/@cloudlab"), { recursive: true });
    symlinkSync(join(REPO_ROOT, "packages/model"), join(cwd, "node_modules/@cloudlab/model"), "dir");
    const helper = { tenants: "defineTenant", services: "defineService", environments: "defineEnvironment" } as const;
    for (const [path, spec] of Object.entries(samplePlatformSpecs())) {
      const define = helper[path.split("/")[1] as keyof typeof helper];
      writeFile(cwd, path, `import { ${define} } from "@cloudlab/model";\n\nexport default ${define}(${JSON.stringify(spec, null, 2)});\n`);
    }
    const result = await run(cwd, SYNTH);
    expectSummary(result, summary("dev, prod-us-west-2", ALL_FILES.length, ALL_FILES.length, 0, 0));
    expect(snapshotTree(join(cwd, "environments"))).toEqual(reference);
  });
});

describe("cloudlab synth refuses a platform with errors and writes nothing", () => {
  /** Runs synth over a clean render; checks it failed with exit 1 and left the output tree byte-identical. */
  async function expectRefused(specs: Specs, extraFiles: Record<string, string> = {}): Promise<RunResult> {
    const { out, before, result } = await runOverRender(specs, SYNTH, extraFiles);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(snapshotTree(out)).toEqual(before);
    expect(touched(out)).toEqual([]);
    return result;
  }

  it("a malformed quantity in a service, wrong in every environment, names no environment", async () => {
    const result = await expectRefused(
      specsWith((s) => {
        s["platform/services/shop/checkout.ts"].resources.limits.cpu = "500mm";
      }),
    );
    expect(result.stderr).toBe(
      'platform/services/shop/checkout.ts: checkout: resources.limits.cpu: "500mm" is not a quantity\n' +
        "synth: 1 error; nothing written\n",
    );
  });

  it("a malformed quantity in an environment's override: the environment's file, for that environment", async () => {
    const result = await expectRefused(
      specsWith((s) => {
        s["platform/environments/prod-us-west-2.ts"].overrides = { checkout: { resources: { limits: { cpu: "500mm" } } } };
      }),
    );
    expect(result.stderr).toBe(
      'platform/environments/prod-us-west-2.ts: checkout (prod-us-west-2): resources.limits.cpu: "500mm" is not a quantity\n' +
        "synth: 1 error; nothing written\n",
    );
  });

  it("an unknown callee", async () => {
    const result = await expectRefused(
      specsWith((s) => {
        s["platform/services/shop/web.ts"].calls = ["checkout", "payments"];
      }),
    );
    expect(result.stderr).toBe(
      'platform/services/shop/web.ts: web: calls[1]: "payments" is not a declared service in tenant "shop"\n' +
        "synth: 1 error; nothing written\n",
    );
  });

  it("every error is reported, sorted by file, not only the first", async () => {
    const result = await expectRefused(
      specsWith((s) => {
        s["platform/services/shop/web.ts"].calls = ["payments"];
        s["platform/services/shop/checkout.ts"].resources.limits.cpu = "500mm";
      }),
    );
    expect(result.stderr).toBe(
      [
        'platform/services/shop/checkout.ts: checkout: resources.limits.cpu: "500mm" is not a quantity',
        'platform/services/shop/web.ts: web: calls[0]: "payments" is not a declared service in tenant "shop"',
        "synth: 2 errors; nothing written",
        "",
      ].join("\n"),
    );
  });

  it("a file that throws when imported: its message on one line, no stack trace", async () => {
    const result = await expectRefused(samplePlatformSpecs(), {
      "platform/services/shop/broken.ts": 'const ready: boolean = false;\nif (!ready) throw new Error("boom\\nsecond line");\nexport default {};\n',
    });
    expect(result.stderr).toBe("cloudlab: platform/services/shop/broken.ts: cannot be loaded: boom second line\n");
  });

  it("a file with a syntax error", async () => {
    const result = await expectRefused(samplePlatformSpecs(), { "platform/services/shop/broken.ts": "export default {{;\n" });
    expect(result.stderr).toMatch(/^cloudlab: platform\/services\/shop\/broken\.ts: cannot be loaded: [^\n]+\n$/);
  });

  it("a file without a default export", async () => {
    const result = await expectRefused(samplePlatformSpecs(), { "platform/services/shop/helpers.ts": 'export const team = "shop";\n' });
    expect(result.stderr).toBe(
      "cloudlab: platform/services/shop/helpers.ts: has no default export; export the spec with `export default define…({ … })`\n",
    );
  });

  it("a file whose default export is not an object", async () => {
    const result = await expectRefused(samplePlatformSpecs(), { "platform/tenants/shop.ts": 'export default "shop";\n' });
    expect(result.stderr).toBe(
      "cloudlab: platform/tenants/shop.ts: has no default export; export the spec with `export default define…({ … })`\n",
    );
  });

  it("creates no output folder when the first render fails", async () => {
    const cwd = makeWorkspace(
      specsWith((s) => {
        s["platform/services/shop/checkout.ts"].resources.limits.cpu = "500mm";
      }),
    );
    expect((await run(cwd, SYNTH)).code).toBe(1);
    expect(existsSync(join(cwd, "environments"))).toBe(false);
  });
});

describe("cloudlab synth --check", () => {
  it("exits 0 on a tree that matches a fresh render", async () => {
    const cwd = await renderedWorkspace();
    expect(await run(cwd, CHECK)).toEqual({
      code: 0,
      stdout: `synth --check: ${ALL_FILES.length} files in 2 environments match a fresh render\n`,
      stderr: "",
    });
  });

  it("lists exactly the edited, deleted and stray files, exits 1 and writes nothing", async () => {
    const cwd = await renderedWorkspace();
    const out = join(cwd, "environments");
    appendFileSync(join(out, "dev/shop/web/deployment-web.yaml"), "# edited by hand\n");
    rmSync(join(out, "prod-us-west-2/shop/checkout/service-checkout.yaml"));
    writeFile(out, "dev/shop/web/stray.yaml", "kind: Stray\n");
    age(out);
    const before = snapshotTree(out);
    expect(await run(cwd, CHECK)).toEqual({
      code: 1,
      stdout: [
        "differs: environments/dev/shop/web/deployment-web.yaml",
        "missing: environments/prod-us-west-2/shop/checkout/service-checkout.yaml",
        "not rendered: environments/dev/shop/web/stray.yaml",
        "",
      ].join("\n"),
      stderr: "synth --check: 3 files differ from a fresh render; run `npm run synth` and commit the result\n",
    });
    expect(snapshotTree(out)).toEqual(before);
    expect(touched(out)).toEqual([]);
  });

  it("reports a changed spec as differing files without writing them", async () => {
    const specs = specsWith((s) => {
      s["platform/services/shop/checkout.ts"].image.tag = "1.0.1";
    });
    const changed = changedPaths(reference, await referenceRender(specs));
    const { out, before, result } = await runOverRender(specs, CHECK);
    expect(result).toEqual({
      code: 1,
      stdout: changed.map((path) => `differs: environments/${path}\n`).join(""),
      stderr: `synth --check: ${changed.length} files differ from a fresh render; run \`npm run synth\` and commit the result\n`,
    });
    expect(snapshotTree(out)).toEqual(before);
    expect(touched(out)).toEqual([]);
  });

  it("reports the files of a deleted environment as not rendered, and keeps them", async () => {
    const { out, before, result } = await runOverRender(
      specsWith((s) => {
        delete s["platform/environments/prod-us-west-2.ts"];
      }),
      CHECK,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(PROD_FILES.map((path) => `not rendered: environments/${path}\n`).join(""));
    expect(snapshotTree(out)).toEqual(before);
  });

  it("before any render: every file is missing, and no output folder is created", async () => {
    const cwd = makeWorkspace();
    const result = await run(cwd, CHECK);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(ALL_FILES.map((path) => `missing: environments/${path}\n`).join(""));
    expect(existsSync(join(cwd, "environments"))).toBe(false);
  });

  it("exits 1 with the spec errors on a platform that does not check", async () => {
    const { out, before, result } = await runOverRender(
      specsWith((s) => {
        s["platform/services/shop/checkout.ts"].resources.limits.cpu = "500mm";
      }),
      CHECK,
    );
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'platform/services/shop/checkout.ts: checkout: resources.limits.cpu: "500mm" is not a quantity\n' +
        "synth: 1 error; nothing written\n",
    });
    expect(snapshotTree(out)).toEqual(before);
  });
});

describe("cloudlab synth --env", () => {
  it("renders only the named environment", async () => {
    const cwd = makeWorkspace();
    expectSummary(await run(cwd, [...SYNTH, "--env", "dev"]), summary("dev", DEV_FILES.length, DEV_FILES.length, 0, 0));
    expect(snapshotTree(join(cwd, "environments"))).toEqual(new Map([...reference].filter(([path]) => path.startsWith("dev/"))));
  });

  it("does not touch the other environments' folders, even where they drifted", async () => {
    const cwd = await renderedWorkspace();
    const out = join(cwd, "environments");
    appendFileSync(join(out, "prod-us-west-2/shop/web/deployment-web.yaml"), "# edited by hand\n");
    rmSync(join(out, "prod-us-west-2/shop/checkout/service-checkout.yaml"));
    writeFile(out, "prod-us-west-2/shop/web/stray.yaml", "kind: Stray\n");
    appendFileSync(join(out, "dev/shop/web/deployment-web.yaml"), "# edited by hand\n");
    age(out);
    const before = snapshotTree(out);
    expectSummary(await run(cwd, [...SYNTH, "--env", "dev"]), summary("dev", DEV_FILES.length, 1, 0, DEV_FILES.length - 1));
    expect(touched(out)).toEqual(["dev/shop/web/deployment-web.yaml"]);
    const after = snapshotTree(out);
    expect(after.get("dev/shop/web/deployment-web.yaml")).toEqual(reference.get("dev/shop/web/deployment-web.yaml"));
    expect(new Map([...after].filter(([path]) => !path.startsWith("dev/")))).toEqual(
      new Map([...before].filter(([path]) => !path.startsWith("dev/"))),
    );

    // --check with --env looks at that environment only.
    expect(await run(cwd, [...CHECK, "--env", "dev"])).toEqual({
      code: 0,
      stdout: `synth --check: ${DEV_FILES.length} files in 1 environment match a fresh render\n`,
      stderr: "",
    });
    expect((await run(cwd, [...CHECK, "--env", "prod-us-west-2"])).code).toBe(1);
  });

  it("accepts several environments", async () => {
    const cwd = makeWorkspace();
    expectSummary(await run(cwd, [...SYNTH, "--env", "prod-us-west-2", "--env", "dev"]), summary("dev, prod-us-west-2", ALL_FILES.length, ALL_FILES.length, 0, 0));
  });

  it("refuses an undeclared environment with exit 2, naming the declared ones, and writes nothing", async () => {
    const cwd = await renderedWorkspace();
    const out = join(cwd, "environments");
    age(out);
    expect(await run(cwd, [...SYNTH, "--env", "nope"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'cloudlab: unknown environment "nope" (declared: dev, prod-us-west-2)\nRun `cloudlab --help` for usage.\n',
    });
    expect(snapshotTree(out)).toEqual(reference);
    expect(touched(out)).toEqual([]);
  });
});

describe("cloudlab usage", () => {
  it("without a command: exit 2 with the usage", async () => {
    expect(await run(makeWorkspace(), [])).toEqual({ code: 2, stdout: USAGE, stderr: "" });
  });

  it("an unknown command: exit 2", async () => {
    expect(await run(makeWorkspace(), ["deploy"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'cloudlab: unknown command "deploy"\nRun `cloudlab --help` for usage.\n',
    });
  });

  it("--help, -h and synth --help: exit 0 with the usage, nothing rendered", async () => {
    const cwd = makeWorkspace();
    for (const argv of [["--help"], ["-h"], ["synth", "--help"]]) {
      expect(await run(cwd, argv)).toEqual({ code: 0, stdout: USAGE, stderr: "" });
    }
    expect(existsSync(join(cwd, "environments"))).toBe(false);
  });

  it("an unknown option or an extra argument: exit 2", async () => {
    const cwd = makeWorkspace();
    const option = await run(cwd, [...SYNTH, "--bogus"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/^cloudlab: Unknown option '--bogus'.*\nRun `cloudlab --help` for usage\.\n$/);
    expect(await run(cwd, [...SYNTH, "extra"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'cloudlab: unexpected argument "extra"\nRun `cloudlab --help` for usage.\n',
    });
    expect(existsSync(join(cwd, "environments"))).toBe(false);
  });

  it("a missing platform directory: exit 2", async () => {
    expect(await run(makeWorkspace(), ["synth", "--platform", "nowhere"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "cloudlab: platform directory not found: nowhere\nRun `cloudlab --help` for usage.\n",
    });
  });
});

describe("test helpers", () => {
  it("write the sample platform as .ts files with plain default exports", () => {
    const cwd = makeWorkspace();
    expect([...snapshotTree(join(cwd, "platform")).keys()]).toEqual([
      "environments/dev.ts",
      "environments/prod-us-west-2.ts",
      "services/shop/checkout.ts",
      "services/shop/web.ts",
      "tenants/shop.ts",
    ]);
    expect(readFileSync(join(cwd, "platform/tenants/shop.ts"), "utf8")).toMatch(/^export default \{/);
  });
});

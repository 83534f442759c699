import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { USAGE } from "../src/main.ts";
import {
  listDirectories,
  makeWorkspace,
  nextWorkspace,
  run,
  samplePlatformSpecs,
  snapshotTree,
  writeFile,
  type RunResult,
} from "./helpers.ts";

const SYNTH = ["synth", "--platform", "platform", "--out", "environments"] as const;
const CHECK = [...SYNTH, "--check"] as const;
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const DEV_FILES = [
  "dev/kustomization.yaml",
  "dev/shop/_tenant/namespace-shop.yaml",
  "dev/shop/checkout/deployment-checkout.yaml",
  "dev/shop/checkout/service-checkout.yaml",
  "dev/shop/checkout/serviceaccount-checkout.yaml",
  "dev/shop/web/deployment-web.yaml",
  "dev/shop/web/service-web.yaml",
  "dev/shop/web/serviceaccount-web.yaml",
];
const PROD_FILES = [
  "prod-us-west-2/kustomization.yaml",
  "prod-us-west-2/shop/_tenant/namespace-shop.yaml",
  "prod-us-west-2/shop/checkout/deployment-checkout.yaml",
  "prod-us-west-2/shop/checkout/horizontalpodautoscaler-checkout.yaml",
  "prod-us-west-2/shop/checkout/service-checkout.yaml",
  "prod-us-west-2/shop/checkout/serviceaccount-checkout.yaml",
  "prod-us-west-2/shop/web/deployment-web.yaml",
  "prod-us-west-2/shop/web/service-web.yaml",
  "prod-us-west-2/shop/web/serviceaccount-web.yaml",
];
const ALL_FILES = [...DEV_FILES, ...PROD_FILES];

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
  return cwd;
}

/** Renders the sample platform, then runs `argv` on `specs` (and `extraFiles`) over that render. */
async function runOverRender(
  specs: Specs,
  argv: readonly string[] = SYNTH,
  extraFiles: Record<string, string> = {},
): Promise<{ cwd: string; before: Map<string, Buffer>; result: RunResult }> {
  const first = await renderedWorkspace();
  const cwd = nextWorkspace(first, specs);
  for (const [path, content] of Object.entries(extraFiles)) writeFile(cwd, path, content);
  const before = snapshotTree(join(cwd, "environments"));
  expect([...before.keys()]).toEqual(ALL_FILES);
  return { cwd, before, result: await run(cwd, argv) };
}

describe("cloudlab synth", () => {
  it("renders every environment, in report order, and prints a one-line summary", async () => {
    const cwd = makeWorkspace();
    const result = await run(cwd, SYNTH);
    expect(result).toEqual({
      code: 0,
      stdout: "synth: dev, prod-us-west-2: 17 files (17 written, 0 removed, 0 unchanged) in environments/\n",
      stderr: "",
    });
    const tree = snapshotTree(join(cwd, "environments"));
    expect([...tree.keys()]).toEqual(ALL_FILES);
    expect(tree.get("dev/kustomization.yaml")!.toString()).toBe(
      [
        "apiVersion: kustomize.config.k8s.io/v1beta1",
        "kind: Kustomization",
        "resources:",
        ...DEV_FILES.slice(1).map((path) => `  - ${path.slice("dev/".length)}`),
        "",
      ].join("\n"),
    );
    expect(tree.get("prod-us-west-2/shop/checkout/deployment-checkout.yaml")!.toString()).toContain(
      "image: registry.example/shop/checkout:1.0.0",
    );
    expect(existsSync(join(cwd, "platform"))).toBe(true);
  });

  it("defaults --out to environments/ and leaves no temporary files behind", async () => {
    const cwd = makeWorkspace();
    const result = await run(cwd, ["synth", "--platform", "platform"]);
    expect(result.code).toBe(0);
    expect([...snapshotTree(cwd).keys()].filter((p) => p.endsWith(".cloudlab-tmp"))).toEqual([]);
    expect([...snapshotTree(join(cwd, "environments")).keys()]).toEqual(ALL_FILES);
  });

  it("writes nothing on a second run: every file keeps its bytes and its mtime", async () => {
    const cwd = await renderedWorkspace();
    const out = join(cwd, "environments");
    age(out);
    const before = snapshotTree(out);
    const result = await run(cwd, SYNTH);
    expect(result).toEqual({
      code: 0,
      stdout: "synth: dev, prod-us-west-2: 17 files (0 written, 0 removed, 17 unchanged) in environments/\n",
      stderr: "",
    });
    expect(touched(out)).toEqual([]);
    expect(snapshotTree(out)).toEqual(before);
  });

  it("rewrites only the files whose bytes changed", async () => {
    const first = await renderedWorkspace();
    const fresh = snapshotTree(join(first, "environments"));
    const cwd = nextWorkspace(
      first,
      specsWith((s) => {
        s["platform/services/shop/checkout.ts"].image.tag = "1.0.1";
      }),
    );
    const out = join(cwd, "environments");
    age(out);
    const result = await run(cwd, SYNTH);
    expect(result).toEqual({
      code: 0,
      stdout: "synth: dev, prod-us-west-2: 17 files (2 written, 0 removed, 15 unchanged) in environments/\n",
      stderr: "",
    });
    expect(touched(out)).toEqual(["dev/shop/checkout/deployment-checkout.yaml", "prod-us-west-2/shop/checkout/deployment-checkout.yaml"]);
    const after = snapshotTree(out);
    for (const path of touched(out)) {
      expect(after.get(path)!.toString()).toBe(fresh.get(path)!.toString().replace("checkout:1.0.0", "checkout:1.0.1"));
    }
  });

  it("restores a hand-edited file and a deleted one, and removes a stray file in an environment folder", async () => {
    const cwd = await renderedWorkspace();
    const out = join(cwd, "environments");
    const fresh = snapshotTree(out);
    appendFileSync(join(out, "dev/shop/web/deployment-web.yaml"), "# edited by hand\n");
    rmSync(join(out, "prod-us-west-2/shop/checkout/service-checkout.yaml"));
    writeFile(out, "dev/shop/web/stray.yaml", "kind: Stray\n");
    age(out);
    const result = await run(cwd, SYNTH);
    expect(result).toEqual({
      code: 0,
      stdout: "synth: dev, prod-us-west-2: 17 files (2 written, 1 removed, 15 unchanged) in environments/\n",
      stderr: "",
    });
    expect(touched(out)).toEqual(["dev/shop/web/deployment-web.yaml", "prod-us-west-2/shop/checkout/service-checkout.yaml"]);
    expect(snapshotTree(out)).toEqual(fresh);
  });

  it("prunes a deleted service: its files and folder go, the kustomization stops listing them, nothing else changes", async () => {
    const first = await renderedWorkspace();
    const fresh = snapshotTree(join(first, "environments"));
    const cwd = nextWorkspace(
      first,
      specsWith((s) => {
        delete s["platform/services/shop/web.ts"];
      }),
    );
    const out = join(cwd, "environments");
    age(out);
    const result = await run(cwd, SYNTH);
    expect(result).toEqual({
      code: 0,
      stdout: "synth: dev, prod-us-west-2: 11 files (2 written, 6 removed, 9 unchanged) in environments/\n",
      stderr: "",
    });
    const after = snapshotTree(out);
    expect([...after.keys()]).toEqual(ALL_FILES.filter((path) => !path.includes("/web/")));
    expect(listDirectories(out).filter((dir) => dir.endsWith("/web"))).toEqual([]);
    expect(touched(out)).toEqual(["dev/kustomization.yaml", "prod-us-west-2/kustomization.yaml"]);
    for (const env of ["dev", "prod-us-west-2"]) {
      const kustomization = after.get(`${env}/kustomization.yaml`)!.toString();
      expect(kustomization).not.toContain("web");
      expect(kustomization).toContain("  - shop/checkout/deployment-checkout.yaml\n");
    }
    for (const [path, bytes] of after) {
      if (!path.endsWith("kustomization.yaml")) expect(bytes).toEqual(fresh.get(path));
    }
  });

  it("removes the folder of a deleted environment and leaves the others untouched", async () => {
    const first = await renderedWorkspace();
    const cwd = nextWorkspace(
      first,
      specsWith((s) => {
        delete s["platform/environments/prod-us-west-2.ts"];
      }),
    );
    const out = join(cwd, "environments");
    age(out);
    const before = snapshotTree(out);
    const result = await run(cwd, SYNTH);
    expect(result).toEqual({
      code: 0,
      stdout: "synth: dev: 8 files (0 written, 9 removed, 8 unchanged) in environments/\n",
      stderr: "",
    });
    expect(existsSync(join(out, "prod-us-west-2"))).toBe(false);
    expect(listDirectories(out)).toEqual(["dev", "dev/shop", "dev/shop/_tenant", "dev/shop/checkout", "dev/shop/web"]);
    expect([...snapshotTree(out).keys()]).toEqual(DEV_FILES);
    expect(touched(out)).toEqual([]);
    expect(snapshotTree(out)).toEqual(new Map([...before].filter(([path]) => path.startsWith("dev/"))));
  });

  it("leaves alone what under the output folder is not an environment folder it wrote", async () => {
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
      writeFile(
        cwd,
        path,
        `import { ${define} } from "@cloudlab/model";\n\nexport default ${define}(${JSON.stringify(spec, null, 2)});\n`,
      );
    }
    const result = await run(cwd, SYNTH);
    expect(result).toEqual({
      code: 0,
      stdout: "synth: dev, prod-us-west-2: 17 files (17 written, 0 removed, 0 unchanged) in environments/\n",
      stderr: "",
    });
    expect([...snapshotTree(join(cwd, "environments")).keys()]).toEqual(ALL_FILES);
  });
});

describe("cloudlab synth refuses a platform with errors and writes nothing", () => {
  /** Checks the run failed with exit 1 and left the output tree byte-identical. */
  async function expectRefused(specs: Specs, extraFiles: Record<string, string> = {}): Promise<RunResult> {
    const { cwd, before, result } = await runOverRender(specs, SYNTH, extraFiles);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(snapshotTree(join(cwd, "environments"))).toEqual(before);
    expect(listDirectories(join(cwd, "environments")).filter((d) => !ALL_FILES.some((f) => f.startsWith(`${d}/`)))).toEqual([]);
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

  it("a malformed quantity in an environment's override is reported in the environment's file, for that environment", async () => {
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

  it("reports every error, sorted by file, not only the first", async () => {
    const result = await expectRefused(
      specsWith((s) => {
        s["platform/services/shop/web.ts"].calls = ["payments"];
        s["platform/services/shop/checkout.ts"].resources.limits.cpu = "500mm";
        s["platform/services/shop/web.ts"].image.tag = "latest";
      }),
    );
    expect(result.stderr).toBe(
      [
        'platform/services/shop/checkout.ts: checkout: resources.limits.cpu: "500mm" is not a quantity',
        'platform/services/shop/web.ts: web: calls[0]: "payments" is not a declared service in tenant "shop"',
        'platform/services/shop/web.ts: web: image.tag: "latest" is not allowed: pin a version tag or a digest',
        "synth: 3 errors; nothing written",
        "",
      ].join("\n"),
    );
  });

  it("a file that throws when imported: one line, no stack trace", async () => {
    const result = await expectRefused(samplePlatformSpecs(), {
      "platform/services/shop/broken.ts": 'const ready: boolean = false;\nif (!ready) throw new Error("boom\\nsecond line");\nexport default {};\n',
    });
    expect(result.stderr).toBe("cloudlab: platform/services/shop/broken.ts: cannot be loaded: boom\n");
  });

  it("a file with a syntax error", async () => {
    const result = await expectRefused(samplePlatformSpecs(), { "platform/services/shop/broken.ts": "export default {{;\n" });
    expect(result.stderr).toMatch(/^cloudlab: platform\/services\/shop\/broken\.ts: cannot be loaded: .+\n$/);
  });

  it("a file without a default export", async () => {
    const result = await expectRefused(samplePlatformSpecs(), {
      "platform/services/shop/helpers.ts": 'export const team = "shop";\n',
    });
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
    const result = await run(cwd, SYNTH);
    expect(result.code).toBe(1);
    expect(existsSync(join(cwd, "environments"))).toBe(false);
  });
});

describe("cloudlab synth --check", () => {
  it("exits 0 on a tree that matches a fresh render", async () => {
    const cwd = await renderedWorkspace();
    expect(await run(cwd, CHECK)).toEqual({
      code: 0,
      stdout: "synth --check: 17 files in 2 environments match a fresh render\n",
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
    const result = await run(cwd, CHECK);
    expect(result).toEqual({
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

  it("reports the files of a deleted environment as not rendered, and keeps them", async () => {
    const { cwd, before, result } = await runOverRender(
      specsWith((s) => {
        delete s["platform/environments/prod-us-west-2.ts"];
      }),
      CHECK,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(PROD_FILES.map((path) => `not rendered: environments/${path}\n`).join(""));
    expect(snapshotTree(join(cwd, "environments"))).toEqual(before);
  });

  it("reports a changed spec as differing files without writing them", async () => {
    const { cwd, before, result } = await runOverRender(
      specsWith((s) => {
        s["platform/services/shop/checkout.ts"].image.tag = "1.0.1";
      }),
      CHECK,
    );
    expect(result).toEqual({
      code: 1,
      stdout:
        "differs: environments/dev/shop/checkout/deployment-checkout.yaml\n" +
        "differs: environments/prod-us-west-2/shop/checkout/deployment-checkout.yaml\n",
      stderr: "synth --check: 2 files differ from a fresh render; run `npm run synth` and commit the result\n",
    });
    expect(snapshotTree(join(cwd, "environments"))).toEqual(before);
  });

  it("before any render: every file is missing and no output folder is created", async () => {
    const cwd = makeWorkspace();
    const result = await run(cwd, CHECK);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(ALL_FILES.map((path) => `missing: environments/${path}\n`).join(""));
    expect(existsSync(join(cwd, "environments"))).toBe(false);
  });

  it("exits 1 with the spec errors on a platform that does not check", async () => {
    const { cwd, before, result } = await runOverRender(
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
    expect(snapshotTree(join(cwd, "environments"))).toEqual(before);
  });
});

describe("cloudlab synth --env", () => {
  it("renders only the named environment", async () => {
    const cwd = makeWorkspace();
    const result = await run(cwd, [...SYNTH, "--env", "dev"]);
    expect(result).toEqual({
      code: 0,
      stdout: "synth: dev: 8 files (8 written, 0 removed, 0 unchanged) in environments/\n",
      stderr: "",
    });
    expect([...snapshotTree(join(cwd, "environments")).keys()]).toEqual(DEV_FILES);
  });

  it("does not touch the other environments' folders, even where they drifted", async () => {
    const cwd = await renderedWorkspace();
    const out = join(cwd, "environments");
    const fresh = snapshotTree(out);
    appendFileSync(join(out, "prod-us-west-2/shop/web/deployment-web.yaml"), "# edited by hand\n");
    writeFile(out, "prod-us-west-2/shop/web/stray.yaml", "kind: Stray\n");
    appendFileSync(join(out, "dev/shop/web/deployment-web.yaml"), "# edited by hand\n");
    age(out);
    const before = snapshotTree(out);
    const result = await run(cwd, [...SYNTH, "--env", "dev"]);
    expect(result).toEqual({
      code: 0,
      stdout: "synth: dev: 8 files (1 written, 0 removed, 7 unchanged) in environments/\n",
      stderr: "",
    });
    expect(touched(out)).toEqual(["dev/shop/web/deployment-web.yaml"]);
    const after = snapshotTree(out);
    expect(after.get("dev/shop/web/deployment-web.yaml")).toEqual(fresh.get("dev/shop/web/deployment-web.yaml"));
    for (const [path, bytes] of before) if (path.startsWith("prod-us-west-2/")) expect(after.get(path)).toEqual(bytes);
    expect(after.has("prod-us-west-2/shop/web/stray.yaml")).toBe(true);

    expect(await run(cwd, [...CHECK, "--env", "dev"])).toEqual({
      code: 0,
      stdout: "synth --check: 8 files in 1 environments match a fresh render\n",
      stderr: "",
    });
  });

  it("accepts several environments", async () => {
    const cwd = makeWorkspace();
    const result = await run(cwd, [...SYNTH, "--env", "prod-us-west-2", "--env", "dev"]);
    expect(result).toEqual({
      code: 0,
      stdout: "synth: dev, prod-us-west-2: 17 files (17 written, 0 removed, 0 unchanged) in environments/\n",
      stderr: "",
    });
  });

  it("refuses an undeclared environment with exit 2, naming the declared ones, and writes nothing", async () => {
    const cwd = await renderedWorkspace();
    const out = join(cwd, "environments");
    const before = snapshotTree(out);
    expect(await run(cwd, [...SYNTH, "--env", "nope"])).toEqual({
      code: 2,
      stdout: "",
      stderr: 'cloudlab: unknown environment "nope" (declared: dev, prod-us-west-2)\nRun `cloudlab --help` for usage.\n',
    });
    expect(snapshotTree(out)).toEqual(before);
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

  it("--help, -h and synth --help: exit 0 with the usage", async () => {
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
    const cwd = makeWorkspace();
    expect(await run(cwd, ["synth", "--platform", "nowhere"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "cloudlab: platform directory not found: nowhere\nRun `cloudlab --help` for usage.\n",
    });
  });
});

// Keep the helpers honest: the sample platform writes the spec files the brief names.
describe("test helpers", () => {
  it("write the sample platform as .ts files", () => {
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

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repositoryWith, REPO_ROOT, writeSpecs } from "./diff-fixtures.ts";
import { makeTempDir, run, writeFile, specSource } from "./helpers.ts";

/**
 * docs/operations.md stays true: every fenced `console` block that follows an HTML comment
 *
 *     <!-- cli: <command> [args] --platform <fixture> [--base <fixture>] [exit=<code>] -->
 *
 * is a command and its real output. The test writes the fixture platform below to a temporary folder (as
 * `apps/platform/`, so messages name files as they would in this repository), runs the command in-process through
 * `main()`, and compares what it prints (stdout, then stderr) with the block, and its exit code with `exit=` (default
 * 0). The block's first line is the command as typed in the repository: `$ npx cloudlab` and the comment's arguments
 * without `--platform`/`--base` (the fixture names). `validate` runs on a fresh `synth` of the fixture; `diff` runs in
 * a git repository whose `main` holds the `--base` fixture, with the `--platform` fixture in the working tree (the
 * base's abbreviated commit is shown as 1a2b3c4). validate's timing is shown as "(time)".
 */

const GUIDE = join(REPO_ROOT, "docs/operations.md");
const PLATFORM = "apps/platform";

type Specs = Record<string, any>;

const probes = { readiness: { http: { path: "/healthz", port: "http" } }, liveness: { http: { path: "/healthz", port: "http" } } };

/**
 * The guide's platform: tenant `shop` with an autoscaled `checkout`, a `web` canary (v1 90 %, v2 10 %) calling it, and
 * a stateful `cart-db`; in dev, staging, prod-us-west-2 (primary) and prod-us-east-1 (DR).
 */
function shop(): Specs {
  return {
    "tenants/shop.ts": { name: "shop", team: "shop", description: "The shop.", quota: { requestsCpu: "16", requestsMemory: "16Gi", limitsCpu: "32", limitsMemory: "32Gi" } },
    "services/shop/checkout.ts": {
      name: "checkout",
      team: "shop",
      tenant: "shop",
      image: { repository: "registry.example/shop/checkout", tag: "1.0.0" },
      ports: [{ name: "http", port: 8080, protocol: "http" }],
      resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
      probes,
      autoscaling: { minReplicas: 2, maxReplicas: 20 },
      calls: ["cart-db"],
    },
    "services/shop/web.ts": {
      name: "web",
      team: "shop",
      tenant: "shop",
      image: { repository: "registry.example/shop/web", tag: "2.3.4" },
      ports: [{ name: "http", port: 8080, protocol: "http" }],
      resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
      probes,
      replicas: 3,
      versions: [
        { name: "v1", weight: 90 },
        { name: "v2", image: { tag: "2.4.0" }, weight: 10 },
      ],
      calls: ["checkout"],
    },
    "services/shop/cart-db.ts": {
      name: "cart-db",
      team: "shop",
      tenant: "shop",
      image: { repository: "redis", tag: "7.2.4-alpine" },
      containerName: "redis",
      ports: [{ name: "redis", port: 6379, protocol: "tcp" }],
      resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "200m", memory: "256Mi" } },
      probes: { readiness: { tcp: { port: "redis" } }, liveness: { tcp: { port: "redis" } } },
      replicas: 1,
      workload: "stateful",
      storage: { size: "1Gi", mountPath: "/data" },
    },
    "environments/dev.ts": { name: "dev", stage: "dev", cluster: { name: "dev-us-west-2", provider: "eks", region: "us-west-2" } },
    "environments/staging.ts": { name: "staging", stage: "staging", cluster: { name: "staging-us-west-2", provider: "eks", region: "us-west-2" } },
    "environments/prod-us-west-2.ts": { name: "prod-us-west-2", stage: "prod", cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2", role: "primary" } },
    "environments/prod-us-east-1.ts": { name: "prod-us-east-1", stage: "prod", cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: "dr" } },
  };
}

function shopWith(change: (specs: Specs) => void): Specs {
  const specs = shop();
  change(specs);
  return specs;
}

const WEB = "services/shop/web.ts";

/** The fixture platforms the guide's commands run against, by the name its comments give. */
const FIXTURES: Readonly<Record<string, () => Specs>> = {
  shop,
  "canary-25": () => shopWith((s) => (s[WEB].versions = [{ name: "v1", weight: 75 }, { name: "v2", image: { tag: "2.4.0" }, weight: 25 }])),
  "canary-95": () => shopWith((s) => (s[WEB].versions = [{ name: "v1", weight: 90 }, { name: "v2", image: { tag: "2.4.0" }, weight: 5 }])),
  "blue-green-blue": () =>
    shopWith((s) => {
      s[WEB].versions = [{ name: "blue" }, { name: "green", image: { tag: "2.4.0" } }];
      s[WEB].routing = { strategy: "blue-green", live: "blue" };
    }),
  "blue-green-green": () =>
    shopWith((s) => {
      s[WEB].versions = [{ name: "blue" }, { name: "green", image: { tag: "2.4.0" } }];
      s[WEB].routing = { strategy: "blue-green", live: "green" };
    }),
  "blue-green-typo": () =>
    shopWith((s) => {
      s[WEB].versions = [{ name: "blue" }, { name: "green", image: { tag: "2.4.0" } }];
      s[WEB].routing = { strategy: "blue-green", live: "gren" };
    }),
  // web as an Argo Rollouts canary judged by its SLO (one version: a release is a change of image).
  progressive: () => shopWith((s) => {
    delete s[WEB].versions;
    s[WEB].delivery = { strategy: "canary", steps: [10, 50, 100], pause: "5m", analysis: "slo" };
  }),
  "progressive-released": () => shopWith((s) => {
    delete s[WEB].versions;
    s[WEB].image.tag = "2.4.0";
    s[WEB].delivery = { strategy: "canary", steps: [10, 50, 100], pause: "5m", analysis: "slo" };
  }),
  "progressive-steps-typo": () => shopWith((s) => {
    delete s[WEB].versions;
    s[WEB].delivery = { strategy: "canary", steps: [10, 50, 25], pause: "5m" };
  }),
  "promoted-to-staging": () => shopWith((s) => (s["environments/staging.ts"].overrides = { checkout: { image: { tag: "1.1.0" } } })),
  "failed-over": () =>
    shopWith((s) => {
      s["environments/prod-us-west-2.ts"].cluster.role = "dr";
      s["environments/prod-us-east-1.ts"].cluster.role = "primary";
    }),
  "unknown-callee": () => shopWith((s) => (s[WEB].calls = ["checkout", "payments"])),
  "mtls-permissive": () => shopWith((s) => (s["services/shop/checkout.ts"].mtlsMode = "PERMISSIVE")),
  "quota-too-small": () => shopWith((s) => (s["tenants/shop.ts"].quota = { requestsCpu: "4", requestsMemory: "16Gi", limitsCpu: "32", limitsMemory: "32Gi" })),
  "region-added": () =>
    shopWith(
      (s) =>
        (s["environments/prod-eu-west-1.ts"] = {
          name: "prod-eu-west-1",
          stage: "prod",
          cluster: { name: "prod-eu-west-1", provider: "eks", region: "eu-west-1", role: "dr" },
        }),
    ),
};

/** The fixture's spec files, at their paths under the working directory. */
function specFiles(fixture: string): Specs {
  const make = FIXTURES[fixture];
  if (make === undefined) throw new Error(`docs/operations.md names an unknown fixture "${fixture}" (known: ${Object.keys(FIXTURES).join(", ")})`);
  return Object.fromEntries(Object.entries(make()).map(([path, spec]) => [`${PLATFORM}/${path}`, spec]));
}

/** One command of the guide. */
interface GuideBlock {
  /** The line of the comment in docs/operations.md. */
  readonly line: number;
  /** The CLI arguments, without the fixture options. */
  readonly args: readonly string[];
  readonly platform: string;
  readonly base: string | undefined;
  readonly exitCode: number;
  /** The command as the block shows it. */
  readonly shown: string;
  /** The output as the block shows it. */
  readonly output: string;
}

/** Every `<!-- cli: … -->` comment of the guide with the console block after it. */
function guideBlocks(text: string): GuideBlock[] {
  const lines = text.split("\n");
  const blocks: GuideBlock[] = [];
  for (const [index, line] of lines.entries()) {
    const comment = /^<!-- cli: (.+) -->$/.exec(line.trim());
    if (comment === null) continue;
    const indent = /^\s*/.exec(line)![0];
    const tokens = comment[1]!.trim().split(/\s+/);
    const take = (flag: string) => {
      const at = tokens.indexOf(flag);
      if (at === -1) return undefined;
      const [, value] = tokens.splice(at, 2);
      return value;
    };
    const platform = take("--platform");
    const base = take("--base");
    const exit = tokens.findIndex((t) => t.startsWith("exit="));
    const exitCode = exit === -1 ? 0 : Number(tokens.splice(exit, 1)[0]!.slice("exit=".length));
    if (platform === undefined) throw new Error(`docs/operations.md:${index + 1}: a cli comment needs --platform <fixture>`);
    if (lines[index + 1]?.trim() !== "```console") throw new Error(`docs/operations.md:${index + 1}: a cli comment must be followed by a \`\`\`console block`);
    const end = lines.findIndex((l, i) => i > index + 1 && l.trim() === "```");
    // A block inside a list item is indented like its comment; the output is not.
    const body = lines.slice(index + 2, end).map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l));
    blocks.push({ line: index + 1, args: tokens, platform, base, exitCode, shown: body[0] ?? "", output: body.slice(1).map((l) => `${l}\n`).join("") });
  }
  return blocks;
}

/** Runs one block's command against its fixture; returns what it prints and its exit code. */
async function runBlock(block: GuideBlock): Promise<{ code: number; output: string }> {
  const args = [...block.args, "--platform", PLATFORM];
  if (block.args[0] === "diff") {
    if (block.base === undefined) throw new Error(`docs/operations.md:${block.line}: a diff needs --base <fixture>`);
    const { root } = repositoryWith(specFiles(block.base));
    writeSpecs(root, specFiles(block.platform));
    const result = await run(root, [...args, "--base", "main"]);
    // The base's commit depends on the copied code; the guide shows it as 1a2b3c4.
    return { code: result.code, output: (result.stdout + result.stderr).replace(/\bmain \([0-9a-f]{7}/g, "main (1a2b3c4") };
  }
  const cwd = makeTempDir("cloudlab-guide-");
  for (const [path, spec] of Object.entries(specFiles(block.platform))) writeFile(cwd, path, specSource(spec));
  if (block.args[0] === "validate") expect((await run(cwd, ["synth", "--platform", PLATFORM])).code).toBe(0);
  const result = await run(cwd, args);
  // validate's summary ends with its wall time and throughput; the guide shows them as "(time)".
  return { code: result.code, output: (result.stdout + result.stderr).replace(/; [0-9.]+ s, [0-9]+ resources\/s$/m, "; (time)") };
}

const blocks = guideBlocks(readFileSync(GUIDE, "utf8"));

describe("docs/operations.md", () => {
  it("shows CLI commands with their output (at least a synth, a validate and a diff)", () => {
    expect(new Set(blocks.map((b) => b.args[0]))).toEqual(new Set(["synth", "validate", "diff"]));
  });

  for (const block of blocks) {
    describe(`line ${block.line}: cloudlab ${block.args.join(" ")} (${block.base === undefined ? "" : `${block.base} → `}${block.platform})`, () => {
      it("shows the command as typed in the repository", () => {
        expect(block.shown).toBe(`$ npx cloudlab ${block.args.join(" ")}`);
      });

      it("prints what the guide shows, with the exit code it says", async () => {
        const result = await runBlock(block);
        expect(result.output).toBe(block.output);
        expect(result.code).toBe(block.exitCode);
      }, 180_000);
    });
  }
});

describe("guideBlocks", () => {
  it("reads the fixture, the base, the exit code and the block", () => {
    const text = ["<!-- cli: diff --format text --platform b --base a exit=1 -->", "```console", "$ npx cloudlab diff --format text", "one", "two", "```"].join("\n");
    expect(guideBlocks(text)).toEqual([{ line: 1, args: ["diff", "--format", "text"], platform: "b", base: "a", exitCode: 1, shown: "$ npx cloudlab diff --format text", output: "one\ntwo\n" }]);
  });
});

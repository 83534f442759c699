import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PRICE_LIST } from "@cloudlab/constructs";
import { main } from "../src/main.ts";
import { commitAll, diffPlatformSpecs, git, makeRepository, repositoryWith, writeSpecs } from "./diff-fixtures.ts";
import { fakeIo, makeTempDir, run, snapshotTree, writeFile } from "./helpers.ts";

/**
 * `cloudlab diff` end to end, in throwaway git repositories under the OS temp folder: the base revision is rendered by
 * its own code in a temporary worktree, the working tree in memory. Each test checks the exact output, the exit code,
 * and that no worktree or temporary folder is left behind.
 */

const CHECKOUT = "platform/services/shop/checkout.ts";
const DIFF = ["diff", "--platform", "platform"] as const;

/** The cost section of a change that costs nothing more or less (the base's specs loaded and priced too). */
const NO_COST_CHANGE = `Cost: no change (USD per month at on-demand list prices of ${PRICE_LIST.asOf})`;

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The repository's worktrees (only the main one, when nothing was left behind). */
function worktrees(root: string): string[] {
  return git(root, "worktree", "list", "--porcelain")
    .split("\n")
    .filter((l) => l.startsWith("worktree "));
}

/** The bytes of every file of the working tree (tracked or not, node_modules left out), by path. */
function workingFiles(root: string): Map<string, string> {
  const paths = git(root, "ls-files", "--cached", "--others", "--exclude-standard").split("\n").filter((p) => p !== "");
  return new Map(paths.filter((p) => existsSync(join(root, p))).map((p) => [p, readFileSync(join(root, p), "utf8")]));
}

/** A temp folder for the CLI to use as TMPDIR, to check it leaves nothing behind in it. */
function isolatedTemp(): string {
  const dir = makeTempDir("cloudlab-diff-tmp-");
  vi.stubEnv("TMPDIR", dir);
  return dir;
}

/** A repository whose main holds the diff platform, with the working tree's checkout image changed (uncommitted). */
function repositoryWithImageChange(): { root: string; commit: string } {
  const repo = repositoryWith(diffPlatformSpecs());
  writeSpecs(repo.root, diffPlatformSpecs((s) => (s[CHECKOUT].image.tag = "1.1.0")));
  return repo;
}

const IMAGE_CHANGE = (env: string) => [
  `${env}: 1 changed`,
  "  ~ Deployment/shop/checkout",
  '      spec.template.spec.containers[server].image: "registry.example/shop/checkout:1.0.0" → "registry.example/shop/checkout:1.1.0"',
];

describe("cloudlab diff against a base revision", () => {
  it("text: the merge base with main by default, the working tree's uncommitted change, exit 1; no worktree left", async () => {
    const temp = isolatedTemp();
    const { root, commit } = repositoryWithImageChange();
    const before = workingFiles(root);
    const result = await run(root, DIFF);
    expect(result).toEqual({
      code: 1,
      stderr: "",
      stdout: [
        `cloudlab diff: merge base with main (${commit.slice(0, 7)}) → working tree`,
        "",
        "Risks: none",
        "",
        NO_COST_CHANGE,
        "",
        ...IMAGE_CHANGE("dev"),
        ...IMAGE_CHANGE("staging"),
        ...IMAGE_CHANGE("prod-us-west-2"),
        ...IMAGE_CHANGE("prod-us-east-1"),
        "",
        "4 of 4 environments changed: 0 added, 0 removed, 4 changed objects; 0 risk flags.",
        "",
      ].join("\n"),
    });
    expect(worktrees(root)).toEqual([`worktree ${root}`]);
    expect(readdirSync(temp).filter((name) => name.startsWith("cloudlab-diff-"))).toEqual([]);
    expect(workingFiles(root)).toEqual(before);
    expect(git(root, "status", "--porcelain")).toBe(`M ${CHECKOUT}`);
  });

  it("--exit-zero: the same report, exit 0", async () => {
    const { root } = repositoryWithImageChange();
    const result = await run(root, [...DIFF, "--exit-zero"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("4 of 4 environments changed");
  });

  it("markdown: a new call is drawn as a Mermaid diagram of the edges the change adds", async () => {
    const { root } = repositoryWith(diffPlatformSpecs());
    writeSpecs(root, diffPlatformSpecs((s) => (s[CHECKOUT].calls = ["web"])));
    const result = await run(root, [...DIFF, "--format", "markdown"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      ["dev, staging, prod-us-west-2, prod-us-east-1:", "", "```mermaid", "flowchart LR", '  subgraph g0["shop"]', '    n0["shop/checkout"]', '    n1["shop/web"]', "  end", '  n0 -->|"added"| n1'].join("\n"),
    );
  });

  it("markdown: the PR comment, marker first", async () => {
    const { root, commit } = repositoryWithImageChange();
    const result = await run(root, [...DIFF, "--format", "markdown"]);
    const section = (env: string) => [
      `<details><summary><b>${env}</b>: 1 changed</summary>`,
      "",
      "```diff",
      "~ Deployment/shop/checkout",
      '    spec.template.spec.containers[server].image: "registry.example/shop/checkout:1.0.0" → "registry.example/shop/checkout:1.1.0"',
      "```",
      "",
      "</details>",
      "",
    ];
    expect(result).toEqual({
      code: 1,
      stderr: "",
      stdout: [
        "<!-- cloudlab-diff -->",
        "### cloudlab diff",
        "",
        `merge base with main (${commit.slice(0, 7)}) → working tree: 4 of 4 environments changed: 0 added, 0 removed, 4 changed objects; 0 risk flags.`,
        "",
        "**Risks:** none",
        "",
        `**${NO_COST_CHANGE}**`,
        "",
        "| environment | added | removed | changed |",
        "| --- | ---: | ---: | ---: |",
        "| dev | 0 | 0 | 1 |",
        "| staging | 0 | 0 | 1 |",
        "| prod-us-west-2 | 0 | 0 | 1 |",
        "| prod-us-east-1 | 0 | 0 | 1 |",
        "",
        ...section("dev"),
        ...section("staging"),
        ...section("prod-us-west-2"),
        ...section("prod-us-east-1"),
      ].join("\n"),
    });
  });

  it("json: the structured changes", async () => {
    const { root, commit } = repositoryWithImageChange();
    const result = await run(root, [...DIFF, "--format", "json"]);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.base).toBe(`merge base with main (${commit.slice(0, 7)})`);
    expect(report.summary).toEqual({ environments: 4, changedEnvironments: 4, added: 0, removed: 0, changed: 4, risks: 0 });
    expect(report.environments[3]).toEqual({
      name: "prod-us-east-1",
      stage: "prod",
      role: "dr",
      added: 0,
      removed: 0,
      changed: 1,
      changes: [
        {
          change: "changed",
          object: "Deployment/shop/checkout",
          apiVersion: "apps/v1",
          kind: "Deployment",
          namespace: "shop",
          name: "checkout",
          file: "prod-us-east-1/shop/checkout/deployment-checkout.yaml",
          fields: [
            {
              path: "spec.template.spec.containers[server].image",
              before: "registry.example/shop/checkout:1.0.0",
              after: "registry.example/shop/checkout:1.1.0",
            },
          ],
        },
      ],
    });
  });

  it("no changes: every environment on one line, exit 0", async () => {
    const { root, commit } = repositoryWith(diffPlatformSpecs());
    expect(await run(root, DIFF)).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        `cloudlab diff: merge base with main (${commit.slice(0, 7)}) → working tree`,
        "",
        "Risks: none",
        "",
        NO_COST_CHANGE,
        "",
        "dev: no changes",
        "staging: no changes",
        "prod-us-west-2: no changes",
        "prod-us-east-1: no changes",
        "",
        "No changes in 4 environments.",
        "",
      ].join("\n"),
    });
  });

  it("compares with the merge base, not with where main has moved since; --base REF compares with REF itself", async () => {
    const { root, commit } = repositoryWith(diffPlatformSpecs());
    git(root, "checkout", "--quiet", "-b", "feature");
    writeSpecs(root, diffPlatformSpecs((s) => (s[CHECKOUT].image.tag = "1.1.0")));
    commitAll(root, "feature: checkout 1.1.0");
    git(root, "checkout", "--quiet", "main");
    writeSpecs(root, diffPlatformSpecs((s) => (s["platform/services/shop/web.ts"].replicas = 4)));
    const mainTip = commitAll(root, "main: web on 4 replicas");
    git(root, "checkout", "--quiet", "feature");

    const byMergeBase = await run(root, DIFF);
    expect(byMergeBase.stdout.split("\n")[0]).toBe(`cloudlab diff: merge base with main (${commit.slice(0, 7)}) → working tree`);
    expect(byMergeBase.stdout).toContain("4 of 4 environments changed: 0 added, 0 removed, 4 changed objects; 0 risk flags.");
    expect(byMergeBase.stdout).not.toContain("replicas");

    const byRef = await run(root, [...DIFF, "--base", "main"]);
    expect(byRef.stdout.split("\n")[0]).toBe(`cloudlab diff: main (${mainTip.slice(0, 7)}) → working tree`);
    expect(byRef.stdout).toContain("spec.replicas: 4 → 3");
  });

  it("prefers origin/main to main", async () => {
    const { root, commit } = repositoryWith(diffPlatformSpecs());
    git(root, "update-ref", "refs/remotes/origin/main", commit);
    writeSpecs(root, diffPlatformSpecs((s) => (s[CHECKOUT].image.tag = "1.1.0")));
    const later = commitAll(root, "main moves on");
    expect(later).not.toBe(commit);
    const result = await run(root, DIFF);
    expect(result.stdout.split("\n")[0]).toBe(`cloudlab diff: merge base with origin/main (${commit.slice(0, 7)}) → working tree`);
    expect(result.code).toBe(1);
  });
});

describe("cloudlab diff cleans up", () => {
  it("removes the worktree and its temporary folder when the base fails to render, exit 2, the working tree untouched", async () => {
    const temp = isolatedTemp();
    const { root, commit } = repositoryWith(diffPlatformSpecs((s) => (s[CHECKOUT].resources.limits.cpu = "500mm")));
    writeSpecs(root, diffPlatformSpecs());
    const before = workingFiles(root);
    const result = await run(root, DIFF);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      [
        `cloudlab: cannot render the base revision merge base with main (${commit.slice(0, 7)}): its \`cloudlab synth\` exited 1:`,
        `  platform/services/shop/checkout.ts: checkout: resources.limits.cpu: "500mm" is not a quantity`,
        "  synth: 1 error; nothing written",
        "",
      ].join("\n"),
    );
    expect(worktrees(root)).toEqual([`worktree ${root}`]);
    expect(existsSync(join(root, ".git", "worktrees")) ? readdirSync(join(root, ".git", "worktrees")) : []).toEqual([]);
    expect(readdirSync(temp).filter((name) => name.startsWith("cloudlab-diff-"))).toEqual([]);
    expect(workingFiles(root)).toEqual(before);
  });
});

describe("cloudlab diff on the very first pull request", () => {
  it("a base with only a README (no platform, no environments/): every object is added", async () => {
    const root = makeRepository();
    writeFileSync(join(root, "README.md"), "# shop\n");
    git(root, "add", "README.md", ".gitignore");
    git(root, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "--quiet", "-m", "initial");
    const commit = git(root, "rev-parse", "HEAD");
    writeSpecs(root, diffPlatformSpecs());
    const result = await run(root, [...DIFF, "--format", "json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.base).toBe(`merge base with main (${commit.slice(0, 7)}, no platform)`);
    expect(report.summary.removed + report.summary.changed).toBe(0);
    expect(report.summary.changedEnvironments).toBe(4);
    expect(report.summary.added).toBeGreaterThan(40);
    // Nothing ran before, so nothing is deleted, lowered or widened; new workloads in prod run what staging runs.
    expect(report.risks).toEqual([]);
  });

  it("a base with the platform and the CLI but no committed environments/: rendered by its own code", async () => {
    const { root, commit } = repositoryWith(diffPlatformSpecs());
    expect(existsSync(join(root, "environments"))).toBe(false);
    writeSpecs(root, diffPlatformSpecs((s) => (s[CHECKOUT].image.tag = "1.1.0")));
    const result = await run(root, DIFF);
    expect(result.stdout.split("\n")[0]).toBe(`cloudlab diff: merge base with main (${commit.slice(0, 7)}) → working tree`);
    expect(result.stdout).toContain(IMAGE_CHANGE("prod-us-east-1").join("\n"));
    expect(result.code).toBe(1);
  });

  it("a base with a committed environments/ but no CLI: read as committed", async () => {
    // Render the base platform with this checkout's CLI into environments/, then commit the specs and the render only.
    const scratch = makeRepository();
    writeSpecs(scratch, diffPlatformSpecs());
    expect((await run(scratch, ["synth", "--platform", "platform"])).code).toBe(0);
    const root = makeRepository(false);
    for (const [path, content] of snapshotTree(join(scratch, "environments"))) writeFile(root, `environments/${path}`, content.toString());
    writeSpecs(root, diffPlatformSpecs());
    const commit = commitAll(root, "specs and render, no CLI");
    writeSpecs(root, diffPlatformSpecs((s) => (s[CHECKOUT].image.tag = "1.1.0")));
    const result = await run(root, DIFF);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")[0]).toBe(`cloudlab diff: merge base with main (${commit.slice(0, 7)}, committed environments/) → working tree`);
    expect(result.stdout).toContain("4 of 4 environments changed: 0 added, 0 removed, 4 changed objects; 0 risk flags.");
  });
});

describe("cloudlab diff: the cost section", () => {
  it("a raised maxReplicas in prod: the base's specs priced from its worktree, the delta and the prod-cost-increase flag; --max-cost-increase raises the bar", async () => {
    const { root } = repositoryWith(diffPlatformSpecs());
    writeSpecs(root, diffPlatformSpecs((s) => (s["platform/environments/prod-us-west-2.ts"].overrides = { checkout: { autoscaling: { minReplicas: 2, maxReplicas: 60 } } })));
    const flagged = await run(root, [...DIFF, "--format", "json"]);
    expect(flagged.stderr).toBe("");
    const report = JSON.parse(flagged.stdout);
    expect(report.risks.map((r: { rule: string; environment: string }) => `${r.environment} ${r.rule}`)).toEqual(["prod-us-west-2 prod-cost-increase"]);
    expect(report.cost.pricesAsOf).toBe(PRICE_LIST.asOf);
    expect(report.cost.environments.map((e: { name: string; delta: { atMin: number; atMax: number } }) => [e.name, e.delta.atMin, e.delta.atMax > 0])).toEqual([["prod-us-west-2", 0, true]]);
    expect(report.cost.environments[0].tenants[0].services.map((s: { service: string }) => s.service)).toEqual(["checkout"]);
    const lenient = await run(root, [...DIFF, "--format", "json", "--max-cost-increase", "100"]);
    expect(JSON.parse(lenient.stdout).risks).toEqual([]);
  }, 240_000);
});

describe("cloudlab diff options and errors", () => {
  it("colours the text on a terminal, not with NO_COLOR", async () => {
    const { root } = repositoryWithImageChange();
    const io = fakeIo(root);
    const terminal = (out: { write(text: string): unknown }) => Object.assign({ isTTY: true }, { write: (text: string) => out.write(text) });
    expect(await main(DIFF, { ...io, stdout: terminal(io.stdout) })).toBe(1);
    expect(io.out()).toContain("\u001b[32m\"registry.example/shop/checkout:1.1.0\"\u001b[39m");

    vi.stubEnv("NO_COLOR", "1");
    const plain = fakeIo(root);
    expect(await main(DIFF, { ...plain, stdout: terminal(plain.stdout) })).toBe(1);
    expect(plain.out()).not.toContain("\u001b[");
    expect(plain.out()).toBe(io.out().replace(/\u001b\[[0-9;]*m/g, ""));
  });

  it("--max-weight-step and --usage-hints feed the risk rules", async () => {
    const { root } = repositoryWith(diffPlatformSpecs());
    writeSpecs(
      root,
      diffPlatformSpecs((s) => {
        s["platform/services/shop/web.ts"].versions = [{ name: "v1", weight: 60 }, { name: "v2", image: { tag: "2.4.0" }, weight: 40 }];
        s[CHECKOUT].resources.requests = { cpu: "50m", memory: "64Mi" };
      }),
    );
    writeFile(root, "usage.json", JSON.stringify({ "prod-us-west-2": { "shop/checkout/server": { cpu: "80m" } } }));
    const result = await run(root, [...DIFF, "--max-weight-step", "20", "--usage-hints", "usage.json"]);
    const risks = result.stdout.split("\n").filter((l) => l.startsWith("  ! "));
    expect(risks).toEqual([
      "  ! dev VirtualService/shop/web: route default: v1 weight 90 → 60 (a step of 30 > 20) [canary-weight-step]",
      "  ! dev VirtualService/shop/web: route default: v2 weight 10 → 40 (a step of 30 > 20) [canary-weight-step]",
      "  ! staging VirtualService/shop/web: route default: v1 weight 90 → 60 (a step of 30 > 20) [canary-weight-step]",
      "  ! staging VirtualService/shop/web: route default: v2 weight 10 → 40 (a step of 30 > 20) [canary-weight-step]",
      "  ! prod-us-west-2 Deployment/shop/checkout: container server: requests.cpu lowered from 100m to 50m, below the observed usage 80m [resources-below-usage]",
      "  ! prod-us-west-2 VirtualService/shop/web: route default: v1 weight 90 → 60 (a step of 30 > 20) [canary-weight-step]",
      "  ! prod-us-west-2 VirtualService/shop/web: route default: v2 weight 10 → 40 (a step of 30 > 20) [canary-weight-step]",
      "  ! prod-us-east-1 Deployment/shop/checkout: container server: requests.cpu lowered from 100m to 50m in production (no usage hint) [resources-below-usage]",
      "  ! prod-us-east-1 VirtualService/shop/web: route default: v1 weight 90 → 60 (a step of 30 > 20) [canary-weight-step]",
      "  ! prod-us-east-1 VirtualService/shop/web: route default: v2 weight 10 → 40 (a step of 30 > 20) [canary-weight-step]",
    ]);
  });

  it("usage errors: exit 2 with the usage pointer", async () => {
    const root = makeTempDir();
    expect(await run(root, ["diff", "--format", "yaml"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "cloudlab: --format yaml: diff formats are text, markdown, json\nRun `cloudlab --help` for usage.\n",
    });
    expect((await run(root, ["diff", "--max-weight-step", "-5"])).code).toBe(2);
    expect((await run(root, ["diff", "--max-weight-step", "150"])).stderr).toBe(
      "cloudlab: --max-weight-step 150: must be a whole number of percentage points, 0 to 100\nRun `cloudlab --help` for usage.\n",
    );
    expect(await run(root, ["diff", "--max-cost-increase", "20%"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "cloudlab: --max-cost-increase 20%: must be a number of percent, 0 or more (e.g. 20)\nRun `cloudlab --help` for usage.\n",
    });
  });

  it("other errors: exit 2, one line, no stack trace", async () => {
    const outside = makeTempDir();
    expect(await run(outside, DIFF)).toEqual({
      code: 2,
      stdout: "",
      stderr: "cloudlab: not inside a git repository: cloudlab diff compares the working tree with a git revision\n",
    });

    const { root } = repositoryWith(diffPlatformSpecs());
    expect(await run(root, [...DIFF, "--base", "nope"])).toEqual({ code: 2, stdout: "", stderr: "cloudlab: --base nope: not a revision of this repository\n" });

    writeFile(root, "usage.json", "{}");
    writeFile(root, "bad-usage.json", JSON.stringify({ dev: { "shop/web/server": { cpu: "lots" } } }));
    expect((await run(root, [...DIFF, "--usage-hints", "bad-usage.json"])).stderr).toBe(
      'cloudlab: --usage-hints bad-usage.json: dev.shop/web/server.cpu: "lots" is not a quantity\n',
    );

    const noMain = makeRepository(false);
    writeSpecs(noMain, diffPlatformSpecs());
    commitAll(noMain, "x");
    git(noMain, "branch", "-m", "trunk");
    expect((await run(noMain, DIFF)).stderr).toBe("cloudlab: no base revision: neither origin/main nor main exists; pass --base REF\n");
  });

  it("errors in the working tree's specs: listed, exit 2, nothing compared", async () => {
    const { root } = repositoryWith(diffPlatformSpecs());
    writeSpecs(root, diffPlatformSpecs((s) => (s[CHECKOUT].resources.limits.cpu = "500mm")));
    expect(await run(root, DIFF)).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'platform/services/shop/checkout.ts: checkout: resources.limits.cpu: "500mm" is not a quantity\n' +
        "diff: 1 error in the working tree's specs; nothing compared\n",
    });
  });

  it("a removed spec file is a removed service", async () => {
    const { root } = repositoryWith(diffPlatformSpecs());
    rmSync(join(root, "platform/services/shop/web.ts"));
    const result = await run(root, [...DIFF, "--format", "json"]);
    const report = JSON.parse(result.stdout);
    expect(report.summary.added).toBe(0);
    expect(report.summary.removed).toBeGreaterThan(40);
    expect(report.risks.every((r: { rule: string }) => r.rule === "prod-object-deleted")).toBe(true);
  });
});


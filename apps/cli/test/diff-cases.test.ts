import { describe, expect, it } from "vitest";
import { diffCallGraph, diffPlatform, formatJson, formatMarkdown, formatText, parseRenderedFiles, PLAIN, type PlatformDiff } from "@cloudlab/diff";
import { synthesize } from "@cloudlab/render";
import { platformCost } from "../src/diff/platform-cost.ts";
import { loadPlatform } from "../src/load-platform.ts";
import { diffPlatformSpecs } from "./diff-fixtures.ts";
import { makeWorkspace } from "./helpers.ts";

/**
 * Pairs of specs, one change per case, rendered by the real pipeline (load + synthesize, in memory) and compared the
 * way `cloudlab diff` compares them. Each case's report in every format is a golden file under test/diff-golden/
 * (regenerate with `npx vitest run -u` and review the diff like any other change); each case also asserts what the
 * change must show: which environments change and which risks are flagged.
 */
type Specs = Record<string, any>;

async function render(specs: Specs) {
  const cwd = makeWorkspace(specs);
  const definition = await loadPlatform("platform", cwd);
  const synthesis = synthesize(definition);
  expect([...synthesis.specErrors, ...synthesis.renderProblems]).toEqual([]);
  const parsed = parseRenderedFiles(synthesis.files);
  expect(parsed.problems).toEqual([]);
  return { objects: parsed.objects, environments: definition.environments.map((e) => e.spec), cost: platformCost(definition) };
}

async function diffOf(change: (specs: Specs) => void): Promise<PlatformDiff> {
  const base = await render(diffPlatformSpecs());
  const head = await render(diffPlatformSpecs(change));
  const input = { base: base.objects, head: head.objects, environments: head.environments, cost: { base: base.cost, head: head.cost } };
  callGraphs.set(change, diffCallGraph(input));
  return diffPlatform(input);
}

/** The call-graph changes of each case's last diff, which the Markdown report draws (as `cloudlab diff` passes them). */
const callGraphs = new Map<(specs: Specs) => void, ReturnType<typeof diffCallGraph>>();

const SUBJECT = { base: "main (1a2b3c4)", head: "working tree" };
const SERVICE = (name: string) => `platform/services/shop/${name}.ts`;
const ENV = (name: string) => `platform/environments/${name}.ts`;

interface Case {
  readonly name: string;
  readonly change: (specs: Specs) => void;
  /** The environments that change, in report order. */
  readonly changed: readonly string[];
  /** `environment rule` of every risk flag, in order. */
  readonly risks: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: "image",
    change: (s) => (s[SERVICE("checkout")].image.tag = "1.1.0"),
    changed: ["dev", "staging", "prod-us-west-2", "prod-us-east-1"],
    risks: [],
  },
  {
    name: "replicas",
    change: (s) => (s[SERVICE("web")].replicas = 2),
    changed: ["dev", "staging", "prod-us-west-2", "prod-us-east-1"],
    risks: [
      "prod-us-west-2 prod-availability-lowered",
      "prod-us-west-2 prod-availability-lowered",
      "prod-us-east-1 prod-availability-lowered",
      "prod-us-east-1 prod-availability-lowered",
    ],
  },
  {
    name: "weight",
    change: (s) => (s[SERVICE("web")].versions = [{ name: "v1", weight: 50 }, { name: "v2", image: { tag: "2.4.0" }, weight: 50 }]),
    changed: ["dev", "staging", "prod-us-west-2", "prod-us-east-1"],
    risks: ["dev", "dev", "staging", "staging", "prod-us-west-2", "prod-us-west-2", "prod-us-east-1", "prod-us-east-1"].map((e) => `${e} canary-weight-step`),
  },
  {
    name: "new-caller",
    change: (s) => (s[SERVICE("checkout")].calls = ["web"]),
    changed: ["dev", "staging", "prod-us-west-2", "prod-us-east-1"],
    risks: ["dev", "staging", "prod-us-west-2", "prod-us-east-1"].flatMap((e) => [`${e} authorization-widened`, `${e} network-policy-widened`, `${e} network-policy-widened`]),
  },
  {
    name: "removed-service",
    change: (s) => delete s[SERVICE("web")],
    changed: ["dev", "staging", "prod-us-west-2", "prod-us-east-1"],
    risks: [], // filled in below: one prod-object-deleted per web object in each prod environment
  },
  {
    name: "env-only-dr",
    change: (s) => (s[ENV("prod-us-east-1")].overrides = { web: { replicas: 2 } }),
    changed: ["prod-us-east-1"],
    risks: ["prod-us-east-1 prod-availability-lowered", "prod-us-east-1 prod-availability-lowered", "prod-us-east-1 dr-only-change"],
  },
  {
    // checkout's maxReplicas 20 → 60 in the prod primary: the HPA and the node group's maxSize change, and the
    // max-replica cost rises by more than 20 %.
    name: "prod-max-replicas",
    change: (s) => (s[ENV("prod-us-west-2")].overrides = { checkout: { autoscaling: { minReplicas: 2, maxReplicas: 60 } } }),
    changed: ["prod-us-west-2"],
    risks: ["prod-us-west-2 prod-cost-increase"],
  },
  {
    name: "env-only-prod-image",
    change: (s) => (s[ENV("prod-us-west-2")].overrides = { checkout: { image: { tag: "1.2.0" } } }),
    changed: ["prod-us-west-2"],
    risks: ["prod-us-west-2 image-not-in-staging"],
  },
];

describe("cloudlab diff on pairs of specs", () => {
  for (const c of CASES) {
    describe(c.name, () => {
      let diff: PlatformDiff;

      it("changes the expected environments and flags the expected risks", async () => {
        diff = await diffOf(c.change);
        expect(diff.environments.map((e) => e.environment.name)).toEqual(["dev", "staging", "prod-us-west-2", "prod-us-east-1"]);
        expect(diff.environments.filter((e) => e.changes.length > 0).map((e) => e.environment.name)).toEqual(c.changed);
        if (c.name === "removed-service") {
          const removedInProd = diff.environments.filter((e) => e.environment.stage === "prod").flatMap((e) => e.changes.filter((x) => x.change === "removed"));
          expect(removedInProd.length).toBeGreaterThanOrEqual(10);
          // web's own objects, and checkout's AuthorizationPolicy: web was its only caller.
          expect(removedInProd.filter((x) => !x.file.includes("/shop/web/")).map((x) => `${x.object.kind}/${x.object.name}`)).toEqual([
            "AuthorizationPolicy/checkout",
            "AuthorizationPolicy/checkout",
          ]);
          expect(diff.risks.map((r) => `${r.environment} ${r.rule} ${r.object}`)).toEqual(
            diff.environments
              .filter((e) => e.environment.stage === "prod")
              .flatMap((e) => e.changes.filter((x) => x.change === "removed").map((x) => `${e.environment.name} prod-object-deleted ${x.object.kind}/${x.object.namespace}/${x.object.name}`)),
          );
        } else {
          expect(diff.risks.map((r) => `${r.environment} ${r.rule}`)).toEqual(c.risks);
        }
      });

      it(`text: matches diff-golden/${c.name}.txt`, async () => {
        await expect(formatText(diff, SUBJECT, PLAIN)).toMatchFileSnapshot(`./diff-golden/${c.name}.txt`);
      });

      it(`markdown: matches diff-golden/${c.name}.md`, async () => {
        await expect(formatMarkdown(diff, SUBJECT, { callGraph: callGraphs.get(c.change)! })).toMatchFileSnapshot(`./diff-golden/${c.name}.md`);
      });

      it(`json: matches diff-golden/${c.name}.json`, async () => {
        await expect(formatJson(diff, SUBJECT)).toMatchFileSnapshot(`./diff-golden/${c.name}.json`);
      });
    });
  }

  it("a change that adds a `calls` edge: the comment draws only that edge as a Mermaid diagram, in every environment", async () => {
    const change = (s: Specs) => (s[SERVICE("checkout")].calls = ["web"]);
    const diff = await diffOf(change);
    const comment = formatMarkdown(diff, SUBJECT, { callGraph: callGraphs.get(change)! });
    const block = comment.slice(comment.indexOf("**Call graph changes**"), comment.indexOf("<details>"));
    expect(block).toBe(
      [
        "**Call graph changes** (who may call whom)",
        "",
        "dev, staging, prod-us-west-2, prod-us-east-1:",
        "",
        "```mermaid",
        "flowchart LR",
        '  subgraph g0["shop"]',
        '    n0["shop/checkout"]',
        '    n1["shop/web"]',
        "  end",
        '  n0 -->|"added"| n1',
        "  linkStyle 0 stroke:#16a34a,stroke-width:2px",
        "```",
        "",
        "- added: shop/checkout → shop/web",
        "",
        "",
      ].join("\n"),
    );
    // A change that touches no call draws nothing.
    const image = (s: Specs) => (s[SERVICE("checkout")].image.tag = "1.1.0");
    const unchanged = await diffOf(image);
    expect(formatMarkdown(unchanged, SUBJECT, { callGraph: callGraphs.get(image)! })).not.toContain("mermaid");
  });

  it("an unchanged platform: no changes, no risks", async () => {
    const diff = await diffOf(() => {});
    expect(diff.environments.every((e) => e.changes.length === 0)).toBe(true);
    expect(formatText(diff, SUBJECT, PLAIN).split("\n").slice(-6)).toEqual([
      "staging: no changes",
      "prod-us-west-2: no changes",
      "prod-us-east-1: no changes",
      "",
      "No changes in 4 environments.",
      "",
    ]);
  });
});

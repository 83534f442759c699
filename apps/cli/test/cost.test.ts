import { PRICE_LIST } from "@cloudlab/constructs";
import { describe, expect, it } from "vitest";
import { makeWorkspace, run, samplePlatformSpecs } from "./helpers.ts";

/**
 * `cloudlab cost` and the cost table of `cloudlab synth` on the small test platform (tenant shop: checkout autoscaled
 * 2–20 and web on the stage's replicas, both requesting 100m / 64Mi; dev and prod-us-west-2 on EKS m6i.xlarge). The
 * figures themselves are pinned by hand in packages/constructs/test/cost/; here: what each format prints, the date
 * on every report, and the exit codes. Golden files under test/cost-golden/ (regenerate with `npx vitest run -u` and
 * review the diff).
 */
describe("cloudlab cost", () => {
  it("text: per environment, tenant and service at min and max replicas, with the prices' date", async () => {
    const result = await run(makeWorkspace(), ["cost", "--platform", "platform"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(`cloudlab cost: USD per month, on-demand list prices of ${PRICE_LIST.asOf}, at every service's min → max replicas (docs/cost.md)`);
    // prod: checkout 2 → 20 pods, web on prod's 3 replicas; every pod 100m + 100m sidecar, 64Mi + 128Mi.
    expect(result.stdout).toMatch(/^ {4}checkout +2 → 20 /m);
    expect(result.stdout).toMatch(/^ {4}web +3 → 3 /m);
    await expect(result.stdout).toMatchFileSnapshot("./cost-golden/sample.txt");
  });

  it("markdown and json: the same figures", async () => {
    const markdown = await run(makeWorkspace(), ["cost", "--platform", "platform", "--format", "markdown"]);
    expect(markdown.code).toBe(0);
    await expect(markdown.stdout).toMatchFileSnapshot("./cost-golden/sample.md");
    const json = await run(makeWorkspace(), ["cost", "--platform", "platform", "--format", "json"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report.pricesAsOf).toBe(PRICE_LIST.asOf);
    expect(report.environments.map((e: { environment: string; pricesAsOf: string }) => [e.environment, e.pricesAsOf])).toEqual([
      ["dev", PRICE_LIST.asOf],
      ["prod-us-west-2", PRICE_LIST.asOf],
    ]);
    const prod = report.environments[1];
    const sum = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
    expect(sum([...prod.tenants.map((t: { total: { atMax: number } }) => t.total.atMax), prod.platform.atMax, prod.controlPlane.atMax])).toBeCloseTo(prod.total.atMax, 1);
    await expect(json.stdout).toMatchFileSnapshot("./cost-golden/sample.json");
  });

  it("--env: only the environments named", async () => {
    const result = await run(makeWorkspace(), ["cost", "--platform", "platform", "--env", "prod-us-west-2", "--format", "json"]);
    expect(JSON.parse(result.stdout).environments.map((e: { environment: string }) => e.environment)).toEqual(["prod-us-west-2"]);
  });

  it("usage errors exit 2: an unknown format, an unknown environment", async () => {
    const format = await run(makeWorkspace(), ["cost", "--platform", "platform", "--format", "csv"]);
    expect([format.code, format.stderr.split("\n")[0]]).toEqual([2, "cloudlab: --format csv: cost formats are text, markdown, json"]);
    const env = await run(makeWorkspace(), ["cost", "--platform", "platform", "--env", "qa"]);
    expect([env.code, env.stderr.split("\n")[0]]).toEqual([2, 'cloudlab: unknown environment "qa" (declared: dev, prod-us-west-2)']);
  });

  it("a region the price list does not know: the report, then each unpriced item by file and field, exit 1", async () => {
    const specs = samplePlatformSpecs();
    specs["platform/environments/dev.ts"] = { name: "dev", stage: "dev", cluster: { name: "dev-ap-south-1", provider: "eks", region: "ap-south-1" } };
    const result = await run(makeWorkspace(specs), ["cost", "--platform", "platform", "--env", "dev"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("dev (eks ap-south-1, m6i.xlarge at unpriced:");
    expect(result.stderr.split("\n")).toEqual([
      `platform/environments/dev.ts: dev: cluster.instanceType: no on-demand price for m6i.xlarge on eks in ap-south-1 in the price list of ${PRICE_LIST.asOf}`,
      "cost: 1 item not priced (left out of the figures): add the price to packages/constructs/src/cost/prices.json",
      "",
    ]);
  });

  it("spec errors: named, nothing priced, exit 1", async () => {
    const specs = samplePlatformSpecs();
    (specs["platform/services/shop/web.ts"] as { replicas?: unknown }).replicas = -1;
    const result = await run(makeWorkspace(specs), ["cost", "--platform", "platform"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^platform\/services\/shop\/web\.ts: web: replicas: /m);
    expect(result.stderr.trimEnd().split("\n").at(-1)).toMatch(/^cost: \d+ errors? in the specs; nothing priced$/);
  });
});

describe("cloudlab synth: the cost table beside the capacity summary", () => {
  it("prints each environment's monthly cost at min and max replicas and the node-group cross-check, dated", async () => {
    const cwd = makeWorkspace();
    const synth = await run(cwd, ["synth", "--platform", "platform", "--out", "environments"]);
    expect(synth.code).toBe(0);
    const lines = synth.stdout.split("\n");
    const start = lines.findIndex((l) => l.startsWith("cost ("));
    expect(start).toBeGreaterThan(lines.findIndex((l) => l.startsWith("capacity (")));
    expect(lines[start]).toBe(`cost (USD per month, on-demand list prices of ${PRICE_LIST.asOf}; pods' requests + platform add-ons + control plane, docs/cost.md):`);
    expect(lines[start + 1]).toMatch(/^ {2}environment +nodes +at min replicas +at max replicas +node group \(cross-check\)$/);
    // The same totals as `cloudlab cost`.
    const cost = JSON.parse((await run(makeWorkspace(), ["cost", "--platform", "platform", "--format", "json"])).stdout);
    for (const [i, environment] of cost.environments.entries()) {
      const usd = (n: number) => `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
      const row = lines[start + 2 + i]!;
      expect(row.startsWith(`  ${environment.environment} `)).toBe(true);
      expect(row).toContain(` ${usd(environment.total.atMin)} `);
      expect(row).toContain(` ${usd(environment.total.atMax)} `);
      expect(row).toContain(`${environment.nodeGroup.minSize} → ${environment.nodeGroup.maxSize} nodes: `);
    }
  });
});

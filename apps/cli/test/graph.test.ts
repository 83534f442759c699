import { describe, expect, it } from "vitest";
import { makeWorkspace, run, samplePlatformSpecs } from "./helpers.ts";

const PLATFORM = ["--platform", "platform"];

describe("cloudlab graph", () => {
  it("prints the mesh of every environment as one Mermaid flowchart by default", async () => {
    const result = await run(makeWorkspace(), ["graph", ...PLATFORM]);
    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "flowchart LR",
        '  subgraph e0["dev"]',
        "    direction LR",
        '    subgraph e0t0["tenant shop"]',
        '      e0n0["checkout"]',
        '      e0n1["web"]',
        "    end",
        "  end",
        "  e0n1 --> e0n0",
        '  subgraph e1["prod-us-west-2"]',
        "    direction LR",
        '    subgraph e1t0["tenant shop"]',
        '      e1n0["checkout"]',
        '      e1n1["web"]',
        "    end",
        "  end",
        "  e1n1 --> e1n0",
        "",
      ].join("\n"),
    });
  });

  it("--env picks environments, --format dot and html draw the same graph", async () => {
    const cwd = makeWorkspace();
    const dot = await run(cwd, ["graph", ...PLATFORM, "--env", "prod-us-west-2", "--format", "dot"]);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toContain('  "prod-us-west-2/shop/web" -> "prod-us-west-2/shop/checkout";\n');
    expect(dot.stdout).not.toContain('"dev/');
    const html = await run(cwd, ["graph", ...PLATFORM, "--env", "dev", "--format", "html"]);
    expect(html.code).toBe(0);
    expect([...html.stdout.matchAll(/data-service="([^"]+)"/g)].map((m) => m[1])).toEqual(["shop/checkout", "shop/web"]);
  });

  it("names the environments when --env names none of them, and the formats for an unknown one (usage errors)", async () => {
    const cwd = makeWorkspace();
    expect(await run(cwd, ["graph", ...PLATFORM, "--env", "qa"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "cloudlab: --env qa: no such environment (environments: dev, prod-us-west-2)\nRun `cloudlab --help` for usage.\n",
    });
    expect(await run(cwd, ["graph", ...PLATFORM, "--format", "svg"])).toEqual({
      code: 2,
      stdout: "",
      stderr: "cloudlab: --format svg: graph formats are mermaid, dot, html\nRun `cloudlab --help` for usage.\n",
    });
  });

  it("draws nothing and exits 1 when a spec has errors, naming the file and field", async () => {
    const specs = samplePlatformSpecs();
    const web = specs["platform/services/shop/web.ts"] as Record<string, unknown>;
    const result = await run(makeWorkspace({ ...specs, "platform/services/shop/web.ts": { ...web, calls: ["payments"] } }), ["graph", ...PLATFORM]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      'platform/services/shop/web.ts: web: calls[0]: "payments" is not a declared service in tenant "shop"\ngraph: 1 error in the specs; nothing drawn\n',
    );
  });
});

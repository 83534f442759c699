import { describe, expect, it } from "vitest";
import { codeowners, CODEOWNERS_HEADER, synthesize } from "../src/index.ts";
import { checkoutSpec, fixturePlatform, fixtureTenants, sourcedService, webSpec, cacheSpec } from "./fixtures.ts";

/**
 * `.github/CODEOWNERS` from the fixture platform: golden file test/golden/CODEOWNERS (regenerate with
 * `npx vitest run -u` and review), then what it means, checked with a small matcher of GitHub's rules (gitignore-style
 * patterns, `*` within one folder, a trailing `/` for everything below, the last matching line wins).
 */
const definition = fixturePlatform();
const paths = synthesize(definition).files.map((f) => f.path);
const text = codeowners(definition, paths);

function owners(file: string, codeownersText: string): string[] {
  let result: string[] = [];
  for (const line of codeownersText.split("\n")) {
    if (line.startsWith("#") || line.trim() === "") continue;
    const [pattern, ...teams] = line.split(/\s+/);
    const regex =
      pattern === "*"
        ? /^/
        : new RegExp(`^${pattern!.slice(1).replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}${pattern!.endsWith("/") ? "" : "$"}`);
    if (regex.test(file)) result = teams;
  }
  return result;
}

describe("codeowners", () => {
  it("matches golden/CODEOWNERS", async () => {
    expect(paths.length).toBeGreaterThan(0);
    await expect(text).toMatchFileSnapshot("./golden/CODEOWNERS");
  });

  it("starts with the generated header", () => {
    expect(text.startsWith(`${CODEOWNERS_HEADER}\n`)).toBe(true);
  });

  it.each([
    ["apps/platform/services/shop/checkout.ts", "@cloud-lab/shop-team"],
    ["environments/prod-us-east-1/shop/checkout/deployment-checkout.yaml", "@cloud-lab/shop-team"],
    ["apps/platform/services/storefront/web.ts", "@cloud-lab/web-team"],
    ["environments/dev/storefront/web/service-web.yaml", "@cloud-lab/web-team"],
    ["apps/platform/tenants/shop.ts", "@cloud-lab/shop-team"],
    ["environments/staging/storefront/_tenant/namespace-storefront.yaml", "@cloud-lab/web-team"],
    ["environments/dev/_cluster/peerauthentication-default.yaml", "@cloud-lab/platform"],
    ["environments/dev/kustomization.yaml", "@cloud-lab/platform"],
    ["apps/platform/environments/dev.ts", "@cloud-lab/platform"],
    ["packages/render/src/codeowners.ts", "@cloud-lab/platform"],
    ["apps/cli/src/main.ts", "@cloud-lab/platform"],
    [".github/CODEOWNERS", "@cloud-lab/platform"],
  ])("%s → %s", (file, team) => {
    expect(owners(file, text)).toEqual([team]);
  });

  it("does not depend on declaration order", () => {
    const shuffled = { ...definition, tenants: [...fixtureTenants()].reverse(), services: [cacheSpec(), webSpec(), checkoutSpec()].map(sourcedService) };
    expect(codeowners(shuffled, [...paths].reverse())).toBe(text);
  });

  it("lists a rendered folder only if some environment renders it", () => {
    const lines = codeowners(definition, paths.filter((p) => !p.includes("/cache/"))).split("\n");
    expect(lines).toContain("/apps/platform/services/shop/cache.ts @cloud-lab/shop-team");
    expect(lines.filter((l) => l.includes("/cache/"))).toEqual([]);
  });

  it("takes the organisation, the platform team and the output folder as options", () => {
    const custom = codeowners(definition, paths, { org: "acme", platformTeam: "sre", outDir: "rendered/" });
    expect(owners("rendered/dev/shop/checkout/service-checkout.yaml", custom)).toEqual(["@acme/shop-team"]);
    expect(owners("rendered/dev/_cluster/namespace-istio-ingress.yaml", custom)).toEqual(["@acme/sre"]);
  });
});

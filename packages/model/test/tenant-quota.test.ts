import { describe, expect, it } from "vitest";
import { checkTenantQuotas, formatSpecError, resolvePlatform, type EnvironmentModel, type QuotaSpec } from "../src/index.ts";
import { fixtureEnvironments, fixturePlatform, sourcedTenant } from "./fixtures.ts";

/*
 * The fixture's shop tenant at MAX replicas, each pod with its Istio sidecar (100m/128Mi → 200m/256Mi):
 *   dev      2 pods (checkout 1, cart 1)       requests 0.35 CPU / 448Mi,  limits 1.1 CPU / 1280Mi
 *   staging  7 pods (checkout 5 (cap), cart 2) limits 4.9 CPU
 *   prod     23 pods (checkout 20, cart 3)     requests 5.05 CPU / 6272Mi, limits 17.6 CPU / 19200Mi (both clusters)
 * At MIN replicas prod needs 5 pods, 1.45 CPU of requests; without sidecars the 23 pods request 2.75 CPU.
 */
const ROOMY: QuotaSpec = { requestsCpu: "100", requestsMemory: "100Gi", limitsCpu: "100", limitsMemory: "100Gi" };

function withShopQuota(quota: Partial<QuotaSpec>, environments = fixtureEnvironments()) {
  return fixturePlatform({ tenants: [sourcedTenant("shop", "shop-team", { quota: { ...ROOMY, ...quota } }), sourcedTenant("payments")], environments });
}

const need = (field: string, quota: string, amount: string, what: string, pods: number) => ({
  path: `quota.${field}`,
  message: `"${quota}" is less than the ${amount} of ${what} the tenant's ${pods} pods need at max replicas (sidecars included)`,
});

describe("checkTenantQuotas", () => {
  it("passes a tenant whose quota holds every pod at max replicas", () => {
    const resolution = resolvePlatform(withShopQuota({ requestsCpu: "6", requestsMemory: "7Gi", limitsCpu: "18", limitsMemory: "19Gi" }));
    expect(resolution.errors).toEqual([]);
    expect(resolution.models).toHaveLength(4);
  });

  it("passes a quota exactly equal to what the pods need (sums that do not add up in floating point included)", () => {
    const resolution = resolvePlatform(withShopQuota({ requestsCpu: "5050m", requestsMemory: "6272Mi", limitsCpu: "17600m", limitsMemory: "19200Mi" }));
    expect(resolution.errors.map(formatSpecError)).toEqual([]);
  });

  it("passes a tenant without a quota, and a tenant with a quota and no services", () => {
    const resolution = resolvePlatform(
      fixturePlatform({ tenants: [sourcedTenant("shop"), sourcedTenant("payments"), sourcedTenant("empty", "empty-team", { quota: { ...ROOMY, limitsCpu: "0" } })] }),
    );
    expect(resolution.errors).toEqual([]);
  });

  it("reports every field over quota, attributed to the tenant's file, in the environment it does not fit", () => {
    const environments = fixtureEnvironments().filter((e) => ["dev-us-west-2", "prod-us-west-2"].includes(e.spec.name));
    const resolution = resolvePlatform(withShopQuota({ requestsCpu: "5", requestsMemory: "6Gi", limitsCpu: "17", limitsMemory: "18Gi" }, environments));
    expect(resolution.models).toEqual([]);
    expect(resolution.errors).toEqual(
      [
        need("limitsCpu", "17", "17.6", "CPU limits", 23),
        need("limitsMemory", "18Gi", "18.75Gi", "memory limits", 23),
        need("requestsCpu", "5", "5.05", "CPU requests", 23),
        need("requestsMemory", "6Gi", "6.13Gi", "memory requests", 23),
      ].map((problem) => ({ ...problem, file: "apps/platform/tenants/shop.ts", kind: "tenant", subject: "shop", environment: "prod-us-west-2" })),
    );
    expect(formatSpecError(resolution.errors[2]!)).toBe(
      `apps/platform/tenants/shop.ts: shop (prod-us-west-2): quota.requestsCpu: "5" is less than the 5.05 of CPU requests the tenant's 23 pods need at max replicas (sidecars included)`,
    );
  });

  it("reports each environment on its own, with that environment's figures", () => {
    expect(resolvePlatform(withShopQuota({ limitsCpu: "1" })).errors.map(formatSpecError)).toEqual([
      `apps/platform/tenants/shop.ts: shop (dev-us-west-2): quota.limitsCpu: "1" is less than the 1.1 of CPU limits the tenant's 2 pods need at max replicas (sidecars included)`,
      `apps/platform/tenants/shop.ts: shop (prod-us-east-1): quota.limitsCpu: "1" is less than the 17.6 of CPU limits the tenant's 23 pods need at max replicas (sidecars included)`,
      `apps/platform/tenants/shop.ts: shop (prod-us-west-2): quota.limitsCpu: "1" is less than the 17.6 of CPU limits the tenant's 23 pods need at max replicas (sidecars included)`,
      `apps/platform/tenants/shop.ts: shop (staging-us-west-2): quota.limitsCpu: "1" is less than the 4.9 of CPU limits the tenant's 7 pods need at max replicas (sidecars included)`,
    ]);
  });

  it("sizes the quota at MAX replicas: a quota that holds the minimum is not enough", () => {
    // 2 CPU holds prod's 5 pods at min (1.45 CPU) but not its 23 at max.
    const environments = fixtureEnvironments().filter((e) => e.spec.name === "prod-us-west-2");
    expect(resolvePlatform(withShopQuota({ requestsCpu: "2" }, environments)).errors.map((e) => e.message)).toEqual([
      `"2" is less than the 5.05 of CPU requests the tenant's 23 pods need at max replicas (sidecars included)`,
    ]);
  });

  it("counts the sidecars: a quota that holds only the app containers is not enough", () => {
    // The 23 app containers request 2.75 CPU; with their sidecars, 5.05.
    const environments = fixtureEnvironments().filter((e) => e.spec.name === "prod-us-west-2");
    expect(resolvePlatform(withShopQuota({ requestsCpu: "3" }, environments)).errors.map((e) => e.message)).toEqual([
      `"3" is less than the 5.05 of CPU requests the tenant's 23 pods need at max replicas (sidecars included)`,
    ]);
  });

  it("checks one environment model at a time", () => {
    const models = resolvePlatform(withShopQuota({})).models;
    const prod = models.find((m) => m.environment.name === "prod-us-west-2")!;
    const tight: EnvironmentModel = { ...prod, tenants: prod.tenants.map((t) => (t.name === "shop" ? { ...t, quota: { ...ROOMY, requestsMemory: "1Gi" } } : t)) };
    expect(checkTenantQuotas(tight)).toEqual([
      {
        file: "apps/platform/tenants/shop.ts",
        kind: "tenant",
        subject: "shop",
        environment: "prod-us-west-2",
        ...need("requestsMemory", "1Gi", "6.13Gi", "memory requests", 23),
      },
    ]);
    expect(checkTenantQuotas(prod)).toEqual([]);
  });
});

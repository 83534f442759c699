import { describe, expect, it } from "vitest";
import {
  DEFAULT_VERSION,
  MANAGED_BY,
  podLabels,
  serviceLabels,
  serviceSelector,
  TEAM_LABEL,
  tenantLabels,
  versionSelector,
} from "../src/index.ts";
import { cacheSpec, checkoutSpec, modelOf, resolved, webSpec } from "./fixtures.ts";

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

describe("service labels", () => {
  const checkout = resolved(checkoutSpec());

  it("selects a service's pods by name only, so the Service spans every version", () => {
    expect(serviceSelector(checkout)).toEqual({ "app.kubernetes.io/name": "checkout" });
  });

  it("selects one version's pods by name and version (v1 until versions are declared)", () => {
    expect(DEFAULT_VERSION).toBe("v1");
    expect(versionSelector(checkout)).toEqual({ "app.kubernetes.io/name": "checkout", version: "v1" });
    expect(versionSelector(checkout, "v2")).toEqual({ "app.kubernetes.io/name": "checkout", version: "v2" });
  });

  it("labels a service's objects with name, tenant, team and the generator", () => {
    expect(serviceLabels(checkout)).toEqual({
      "app.kubernetes.io/name": "checkout",
      "app.kubernetes.io/part-of": "shop",
      "app.kubernetes.io/managed-by": "cloudlab",
      [TEAM_LABEL]: "shop-team",
    });
    expect(TEAM_LABEL).toBe("platform.cloud-lab.io/team");
    expect(MANAGED_BY).toEqual({ "app.kubernetes.io/managed-by": "cloudlab" });
  });

  it("labels pods with the object labels plus app and version (for Istio telemetry)", () => {
    const labels = podLabels(checkout);
    expect(labels).toEqual({ ...serviceLabels(checkout), app: "checkout", version: "v1" });
    expect(podLabels(checkout, "canary").version).toBe("canary");
  });

  it("makes both selectors subsets of the pod labels", () => {
    for (const spec of [checkoutSpec(), webSpec(), cacheSpec()]) {
      const service = resolved(spec);
      const pod = podLabels(service);
      expect(pod).toMatchObject(serviceSelector(service));
      expect(pod).toMatchObject(versionSelector(service));
    }
  });

  it("takes the team and tenant from the service", () => {
    const web = resolved(webSpec());
    expect(serviceLabels(web)).toMatchObject({ "app.kubernetes.io/part-of": "storefront", [TEAM_LABEL]: "web-team" });
  });
});

describe("tenant labels", () => {
  it("labels a tenant's objects with the tenant, its team and the generator", () => {
    const shop = modelOf("dev").tenants.find((t) => t.name === "shop")!;
    expect(tenantLabels(shop)).toEqual({
      "app.kubernetes.io/part-of": "shop",
      "app.kubernetes.io/managed-by": "cloudlab",
      [TEAM_LABEL]: "shop-team",
    });
  });
});

describe("label values", () => {
  it("are valid Kubernetes label values", () => {
    const model = modelOf("prod-us-west-2");
    const all = [
      ...model.tenants.map(tenantLabels),
      ...model.services.flatMap((s) => [serviceLabels(s), podLabels(s), versionSelector(s), serviceSelector(s)]),
    ];
    for (const labels of all) {
      for (const value of Object.values(labels)) {
        expect(value.length).toBeLessThanOrEqual(63);
        expect(value).toMatch(LABEL_VALUE);
      }
    }
  });
});

import { describe, expect, it } from "vitest";
import { buildNamespace, validationMessages } from "../src/index.ts";
import { modelOf } from "./fixtures.ts";

describe("buildNamespace", () => {
  const tenants = modelOf("prod-us-west-2").tenants;
  const shop = tenants.find((t) => t.name === "shop")!;

  it("is a v1 Namespace named after the tenant, cluster-scoped", () => {
    const namespace = buildNamespace(shop);
    expect(namespace.apiVersion).toBe("v1");
    expect(namespace.kind).toBe("Namespace");
    expect(namespace.metadata!.name).toBe("shop");
    expect(namespace.metadata).not.toHaveProperty("namespace");
  });

  it("carries the tenant labels and turns on Istio sidecar injection", () => {
    expect(buildNamespace(shop).metadata!.labels).toEqual({
      "app.kubernetes.io/part-of": "shop",
      "app.kubernetes.io/managed-by": "cloudlab",
      "platform.cloud-lab.io/team": "shop-team",
      "istio-injection": "enabled",
    });
  });

  it("builds Namespaces that pass the model's validation", () => {
    for (const tenant of tenants) expect(validationMessages(buildNamespace(tenant)), tenant.name).toEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { buildNamespace, validationMessages } from "../src/index.ts";
import { fixtureEnvironments, fixturePlatform, modelOf, sourcedEnvironment } from "./fixtures.ts";

describe("buildNamespace", () => {
  const model = modelOf("prod-us-west-2");
  const shop = model.tenants.find((t) => t.name === "shop")!;

  it("is a v1 Namespace named after the tenant, cluster-scoped", () => {
    const namespace = buildNamespace(shop, model.environment);
    expect(namespace.apiVersion).toBe("v1");
    expect(namespace.kind).toBe("Namespace");
    expect(namespace.metadata!.name).toBe("shop");
    expect(namespace.metadata).not.toHaveProperty("namespace");
  });

  it("carries the tenant labels, turns on Istio sidecar injection and enforces Pod Security restricted", () => {
    expect(buildNamespace(shop, model.environment).metadata!.labels).toEqual({
      "app.kubernetes.io/part-of": "shop",
      "app.kubernetes.io/managed-by": "cloudlab",
      "platform.cloud-lab.io/team": "shop-team",
      "istio-injection": "enabled",
      "pod-security.kubernetes.io/enforce": "restricted",
      "pod-security.kubernetes.io/enforce-version": "v1.28",
      "pod-security.kubernetes.io/audit": "restricted",
      "pod-security.kubernetes.io/audit-version": "v1.28",
      "pod-security.kubernetes.io/warn": "restricted",
      "pod-security.kubernetes.io/warn-version": "v1.28",
    });
  });

  it("pins Pod Security to the environment's Kubernetes version", () => {
    const [dev, ...rest] = fixtureEnvironments();
    const newer = sourcedEnvironment({ ...dev!.spec, versions: { kubernetes: "1.30" } });
    const devModel = modelOf("dev", fixturePlatform({ environments: [newer, ...rest] }));
    const labels = buildNamespace(shop, devModel.environment).metadata!.labels!;
    expect(labels["pod-security.kubernetes.io/enforce-version"]).toBe("v1.30");
  });

  it("builds Namespaces that pass the model's validation", () => {
    for (const tenant of model.tenants) expect(validationMessages(buildNamespace(tenant, model.environment)), tenant.name).toEqual([]);
  });
});

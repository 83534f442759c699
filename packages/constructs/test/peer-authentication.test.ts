import { describe, expect, it } from "vitest";
import { buildMeshPeerAuthentication, buildNamespacePeerAuthentication, tenantLabels, validationMessages } from "../src/index.ts";
import { modelOf } from "./fixtures.ts";

describe("buildMeshPeerAuthentication", () => {
  it("is exactly the source document's mesh-wide object: mutual TLS STRICT in istio-system", () => {
    const policy = buildMeshPeerAuthentication();
    expect(policy.toJSON()).toEqual({
      apiVersion: "security.istio.io/v1beta1",
      kind: "PeerAuthentication",
      metadata: { name: "default", namespace: "istio-system" },
      spec: { mtls: { mode: "STRICT" } },
    });
    expect(validationMessages(policy)).toEqual([]);
  });
});

describe("buildNamespacePeerAuthentication", () => {
  it("repeats STRICT in every tenant namespace, with the tenant's labels", () => {
    for (const tenant of modelOf("prod-us-west-2").tenants) {
      const policy = buildNamespacePeerAuthentication(tenant);
      expect(policy.toJSON(), tenant.name).toEqual({
        apiVersion: "security.istio.io/v1beta1",
        kind: "PeerAuthentication",
        metadata: { name: "default", namespace: tenant.name, labels: tenantLabels(tenant) },
        spec: { mtls: { mode: "STRICT" } },
      });
      expect(validationMessages(policy)).toEqual([]);
    }
  });
});

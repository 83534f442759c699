import { describe, expect, it } from "vitest";
import { buildCallGraph, buildSidecar, serviceLabels, validationMessages } from "../src/index.ts";
import { modelOf } from "./fixtures.ts";

function sidecarOf(name: string, environment = "prod-us-west-2") {
  const model = modelOf(environment);
  const service = model.services.find((s) => s.name === name)!;
  return { service, sidecar: buildSidecar(service, buildCallGraph(model.services).callees(service)) };
}

describe("buildSidecar", () => {
  it("limits the proxy's egress to the control plane and the services it calls, on its own pods", () => {
    const { service, sidecar } = sidecarOf("checkout");
    expect(sidecar.toJSON()).toEqual({
      apiVersion: "networking.istio.io/v1beta1",
      kind: "Sidecar",
      metadata: { name: "checkout", namespace: "shop", labels: serviceLabels(service) },
      spec: {
        workloadSelector: { labels: { "app.kubernetes.io/name": "checkout" } },
        egress: [{ hosts: ["istio-system/*", "shop/cache.shop.svc.cluster.local"] }],
      },
    });
    expect(validationMessages(sidecar)).toEqual([]);
  });

  it("names a callee of another tenant in that tenant's namespace", () => {
    expect(sidecarOf("web").sidecar.spec!.egress).toEqual([{ hosts: ["istio-system/*", "shop/checkout.shop.svc.cluster.local"] }]);
  });

  it("leaves only the control plane for a service that calls nothing", () => {
    expect(sidecarOf("cache").sidecar.spec!.egress).toEqual([{ hosts: ["istio-system/*"] }]);
  });
});

import { describe, expect, it } from "vitest";
import { buildTenantApplication, rolloutManagedFields } from "../../src/index.ts";
import { checkoutSpec, cloudLabSpec, modelOf, resolved, webSpec } from "../fixtures.ts";

const prod = modelOf("prod-us-west-2");
const istio = { ...prod.environment, mesh: { ...prod.environment.mesh, ingress: { ...prod.environment.mesh.ingress, mode: "istio" as const } } };
const canary = resolved(cloudLabSpec({ versions: undefined, ingress: { hosts: ["api.cloud-lab.example"] }, delivery: { strategy: "canary" } }));
const blueGreen = resolved(webSpec({ delivery: { strategy: "blue-green" } }));

describe("rolloutManagedFields", () => {
  it("is nothing for a service delivered by weights", () => {
    expect(rolloutManagedFields(resolved(checkoutSpec()), prod.environment)).toEqual([]);
  });

  it("is a canary's default-route weights and the subsets' pod-template hash (the edge VirtualService too with Istio ingress)", () => {
    const weights = ['.spec.http[] | select(.name == "default") | .route[].weight'];
    const on = { group: "networking.istio.io", namespace: "cloud-lab" };
    expect(rolloutManagedFields(canary, istio)).toEqual([
      { ...on, kind: "DestinationRule", name: "cloud-lab-service", jqPathExpressions: ['.spec.subsets[].labels["rollouts-pod-template-hash"]'] },
      { ...on, kind: "VirtualService", name: "cloud-lab-service", jqPathExpressions: weights },
      { ...on, kind: "VirtualService", name: "cloud-lab-service-ingress", jqPathExpressions: weights },
    ]);
    expect(rolloutManagedFields(canary, prod.environment).map((f) => f.name)).toEqual(["cloud-lab-service", "cloud-lab-service"]);
  });

  it("is the pod-template hash in a blue-green's active and preview Service selectors", () => {
    expect(rolloutManagedFields(blueGreen, prod.environment)).toEqual(
      ["web", "web-preview"].map((name) => ({ group: "", kind: "Service", name, namespace: "storefront", jqPathExpressions: ['.spec.selector["rollouts-pod-template-hash"]'] })),
    );
  });
});

describe("buildTenantApplication with Rollouts", () => {
  it("ignores exactly the tenant's Rollout-owned fields and keeps them live on sync", () => {
    const storefront = prod.tenants.find((t) => t.name === "storefront")!;
    const app = buildTenantApplication(storefront, prod.environment, [canary, blueGreen]).toJSON();
    expect(app.spec.ignoreDifferences!.map((d: { kind: string; name?: string }) => `${d.kind}/${d.name}`)).toEqual(["Service/web", "Service/web-preview"]);
    expect(app.spec.syncPolicy!.syncOptions).toEqual(["CreateNamespace=false", "RespectIgnoreDifferences=true"]);
    const plain = buildTenantApplication(storefront, prod.environment, [resolved(checkoutSpec())]).toJSON();
    expect(plain.spec).not.toHaveProperty("ignoreDifferences");
    expect(plain.spec.syncPolicy!.syncOptions).toEqual(["CreateNamespace=false"]);
  });
});

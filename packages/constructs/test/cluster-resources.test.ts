import type { EnvironmentModel, IngressMode } from "@cloudlab/model";
import { App, Chart } from "cdk8s";
import { describe, expect, it } from "vitest";
import { CLUSTER_FOLDER, ClusterResources, KubeObject, ResourceGroup, clusterObjects } from "../src/index.ts";
import { cacheSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, modelOf, sourcedService, webSpec } from "./fixtures.ts";

function modelWith(edge: boolean, mode: IngressMode = "gateway-api"): EnvironmentModel {
  const environments = fixtureEnvironments().map((e) => (e.spec.name === "prod-us-west-2" ? { ...e, spec: { ...e.spec, mesh: { ingress: { mode, namespace: "edge" } } } } : e));
  const web = webSpec(edge ? { ingress: { hosts: ["shop.example.com"] } } : {});
  return modelOf("prod-us-west-2", fixturePlatform({ services: [sourcedService(checkoutSpec()), sourcedService(web), sourcedService(cacheSpec())], environments }));
}

/** The cluster objects of this concern: mesh-wide mutual TLS and the ingress gateway (with its namespace). */
const MESH_AND_INGRESS = new Set(["PeerAuthentication", "Gateway", "HTTPRoute"]);

const ids = (model: EnvironmentModel) =>
  clusterObjects({ model })
    .map((o) => o.toJSON() as { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } })
    .filter((json) => MESH_AND_INGRESS.has(json.kind) || (json.kind === "Namespace" && json.metadata.name === "edge"))
    .filter((json) => json.metadata.name !== "cross-network-gateway")
    .map((json) => `${json.apiVersion} ${json.kind} ${json.metadata.namespace ?? "-"}/${json.metadata.name}`);

describe("clusterObjects", () => {
  it("is only the mesh-wide STRICT PeerAuthentication when nothing is exposed", () => {
    expect(ids(modelWith(false))).toEqual(["security.istio.io/v1beta1 PeerAuthentication istio-system/default"]);
  });

  it("adds the gateway's namespace, the Gateway API Gateway and the HTTPS redirect for edge services", () => {
    expect(ids(modelWith(true))).toEqual([
      "security.istio.io/v1beta1 PeerAuthentication istio-system/default",
      "v1 Namespace -/edge",
      "gateway.networking.k8s.io/v1 Gateway edge/platform-gateway",
      "gateway.networking.k8s.io/v1 HTTPRoute edge/https-redirect",
    ]);
  });

  it("adds the namespace and an Istio Gateway in istio mode", () => {
    expect(ids(modelWith(true, "istio"))).toEqual([
      "security.istio.io/v1beta1 PeerAuthentication istio-system/default",
      "v1 Namespace -/edge",
      "networking.istio.io/v1beta1 Gateway edge/platform-gateway",
    ]);
  });
});

describe("ClusterResources", () => {
  it("renders into _cluster/, attributed to the environment's file, every object valid", () => {
    const model = modelWith(true);
    const chart = new Chart(new App(), "test", { disableResourceNameHashes: true });
    const group = new ClusterResources(chart, "cluster", { model });
    const objects = group.node.findAll().filter((c): c is KubeObject => c instanceof KubeObject);
    expect(group.folder).toBe(CLUSTER_FOLDER);
    expect(CLUSTER_FOLDER).toBe("_cluster");
    expect(group.sourceFile).toBe("apps/platform/environments/prod-us-west-2.ts");
    const names = objects.map((o) => `${o.kind}/${o.name}`);
    for (const name of ["PeerAuthentication/default", "Namespace/edge", "Gateway/platform-gateway", "HTTPRoute/https-redirect"]) expect(names).toContain(name);
    expect(objects).toHaveLength(clusterObjects({ model }).length);
    for (const object of objects) {
      expect(ResourceGroup.of(object)).toBe(group);
      expect(object.node.validate(), `${object.kind}/${object.name}`).toEqual([]);
    }
  });

  it("holds exactly one PeerAuthentication, the mesh-wide STRICT one", () => {
    const peerAuthentications = clusterObjects({ model: modelWith(true) })
      .map((o) => o.toJSON() as { kind: string; metadata: unknown; spec: unknown })
      .filter((json) => json.kind === "PeerAuthentication");
    expect(peerAuthentications).toEqual([
      { apiVersion: "security.istio.io/v1beta1", kind: "PeerAuthentication", metadata: { name: "default", namespace: "istio-system" }, spec: { mtls: { mode: "STRICT" } } },
    ]);
  });
});

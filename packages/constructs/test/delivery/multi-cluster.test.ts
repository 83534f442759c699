import type { EnvironmentSpec } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import {
  buildCrossNetworkGateway,
  buildGatewayApiGateway,
  buildHttpRoute,
  buildIstioIngressGateway,
  buildPlatformNamespaces,
  clusterObjects,
  validationMessages,
} from "../../src/index.ts";
import { dnsFailoverAnnotations } from "../../src/objects/ingress-gateway.ts";
import { cacheSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, modelOf, sourcedService, webSpec } from "../fixtures.ts";

const PLATFORM_LABELS = { "app.kubernetes.io/part-of": "platform", "app.kubernetes.io/managed-by": "cloudlab" };

/** The fixture with `web` exposed, and each environment's spec changes. */
function edgeModel(environment: string, changes: Partial<EnvironmentSpec> = {}) {
  const environments = fixtureEnvironments().map((e) => (e.spec.name === environment ? { ...e, spec: { ...e.spec, ...changes } } : e));
  const services = [sourcedService(checkoutSpec()), sourcedService(webSpec({ ingress: { hosts: ["shop.example.com"] } })), sourcedService(cacheSpec())];
  return modelOf(environment, fixturePlatform({ services, environments }));
}

describe("istio-system", () => {
  it("is labelled with the cluster's Istio network", () => {
    for (const [environment, network] of [
      ["prod-us-west-2", "network-us-west-2"],
      ["prod-us-east-1", "network-us-east-1"],
      ["dev", "network-us-west-2"],
    ] as const) {
      const model = modelOf(environment);
      const [istio] = buildPlatformNamespaces(model.environment, model.tenants);
      expect(istio!.toJSON(), environment).toEqual({
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: "istio-system", labels: { ...PLATFORM_LABELS, "topology.istio.io/network": network } },
      });
    }
  });

  it("comes with the add-ons' namespaces, unlabelled for sidecars", () => {
    const model = modelOf("prod-us-west-2");
    expect(buildPlatformNamespaces(model.environment, model.tenants).map((n) => [n.metadata!.name, n.metadata!.labels])).toEqual([
      ["istio-system", { ...PLATFORM_LABELS, "topology.istio.io/network": "network-us-west-2" }],
      ["argo-rollouts", PLATFORM_LABELS],
      ["logging", PLATFORM_LABELS],
      ["monitoring", PLATFORM_LABELS],
      ["tracing", PLATFORM_LABELS],
      ["velero", PLATFORM_LABELS],
    ]);
  });
});

describe("buildCrossNetworkGateway", () => {
  it("exposes the cluster's services to its peers through the east-west gateway, mTLS passed through on 15443", () => {
    const gateway = buildCrossNetworkGateway(modelOf("prod-us-east-1").environment)!;
    expect(gateway.toJSON()).toEqual({
      apiVersion: "networking.istio.io/v1beta1",
      kind: "Gateway",
      metadata: { name: "cross-network-gateway", namespace: "istio-system", labels: PLATFORM_LABELS },
      spec: {
        selector: { istio: "eastwestgateway" },
        servers: [{ port: { number: 15443, name: "tls", protocol: "TLS" }, tls: { mode: "AUTO_PASSTHROUGH" }, hosts: ["*.local"] }],
      },
    });
    expect(validationMessages(gateway)).toEqual([]);
  });

  it("is undefined in a cluster without peers", () => {
    expect(buildCrossNetworkGateway(modelOf("dev").environment)).toBeUndefined();
    expect(buildCrossNetworkGateway(modelOf("staging").environment)).toBeUndefined();
  });
});

describe("DNS failover (external-dns, Route 53 failover routing)", () => {
  const PRIMARY = { "external-dns.alpha.kubernetes.io/set-identifier": "prod-us-west-2", "external-dns.alpha.kubernetes.io/aws-failover": "PRIMARY" };
  const SECONDARY = { "external-dns.alpha.kubernetes.io/set-identifier": "prod-us-east-1", "external-dns.alpha.kubernetes.io/aws-failover": "SECONDARY" };

  it("answers PRIMARY from the primary cluster and SECONDARY from the DR cluster, each under its cluster's name", () => {
    expect(dnsFailoverAnnotations(modelOf("prod-us-west-2").environment)).toEqual(PRIMARY);
    expect(dnsFailoverAnnotations(modelOf("prod-us-east-1").environment)).toEqual(SECONDARY);
  });

  it("is nothing for a single cluster or off EKS", () => {
    expect(dnsFailoverAnnotations(modelOf("dev").environment)).toEqual({});
    const gke = edgeModel("prod-us-west-2", { cluster: { name: "prod-us-west-2", provider: "gke", region: "us-west-2", role: "primary" } });
    expect(dnsFailoverAnnotations(gke.environment)).toEqual({});
  });

  it("is on each edge service's HTTPRoute (external-dns reads Gateway API routes' annotations) and on the Gateway", () => {
    for (const [environment, annotations] of [
      ["prod-us-west-2", PRIMARY],
      ["prod-us-east-1", SECONDARY],
    ] as const) {
      const model = edgeModel(environment);
      const web = model.services.find((s) => s.name === "web")!;
      expect(buildHttpRoute(web, model.environment)!.metadata!.annotations, environment).toEqual(annotations);
      expect(buildGatewayApiGateway(model.environment, model.services)!.metadata!.annotations, environment).toEqual(annotations);
    }
  });

  it("is on the Istio Gateway in istio mode (external-dns reads the Gateway's annotations there)", () => {
    const model = edgeModel("prod-us-east-1", { mesh: { ingress: { mode: "istio" } } });
    expect(buildIstioIngressGateway(model.environment, model.services)!.metadata!.annotations).toEqual(SECONDARY);
  });

  it("leaves a single cluster's gateway and routes unannotated", () => {
    const model = edgeModel("staging");
    const web = model.services.find((s) => s.name === "web")!;
    expect(buildHttpRoute(web, model.environment)!.metadata).not.toHaveProperty("annotations");
    expect(buildGatewayApiGateway(model.environment, model.services)!.metadata).not.toHaveProperty("annotations");
  });
});

describe("the ingress namespace", () => {
  const namespaces = (model: ReturnType<typeof modelOf>) =>
    clusterObjects({ model })
      .map((o) => o.toJSON() as { kind: string; metadata: { name: string } })
      .filter((o) => o.kind === "Namespace")
      .map((o) => o.metadata.name);

  it("is rendered in istio mode even with nothing exposed: the Istio ingress gateway add-on installs into it", () => {
    const environments = fixtureEnvironments().map((e) => ({ ...e, spec: { ...e.spec, mesh: { ingress: { mode: "istio" as const } } } }));
    expect(namespaces(modelOf("dev", fixturePlatform({ environments })))).toEqual([
      "istio-system",
      "argo-rollouts",
      "logging",
      "monitoring",
      "tracing",
      "shop",
      "storefront",
      "istio-ingress",
    ]);
  });

  it("is not rendered in gateway-api mode with nothing exposed (no add-on and no Gateway use it)", () => {
    expect(namespaces(modelOf("dev"))).toEqual(["istio-system", "argo-rollouts", "logging", "monitoring", "tracing", "shop", "storefront"]);
  });
});

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
import { PLATFORM_POD_SECURITY } from "../../src/objects/pod-security.ts";
import { cacheSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, modelOf, sourcedService, webSpec } from "../fixtures.ts";

const PLATFORM_LABELS = { "app.kubernetes.io/part-of": "platform", "app.kubernetes.io/managed-by": "cloudlab" };
const istioSystem = PLATFORM_POD_SECURITY["istio-system"]!;
const ISTIO_SYSTEM_REASON = "reason" in istioSystem ? istioSystem.reason : undefined;
/** The Pod Security labels of a namespace at `level`, pinned to the fixture's Kubernetes 1.28. */
const podSecurity = (level: string) =>
  Object.fromEntries(["enforce", "audit", "warn"].flatMap((mode) => [[`pod-security.kubernetes.io/${mode}`, level], [`pod-security.kubernetes.io/${mode}-version`, "v1.28"]]));

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
        metadata: {
          name: "istio-system",
          labels: { ...PLATFORM_LABELS, ...podSecurity("baseline"), "topology.istio.io/network": network },
          annotations: { "platform.cloud-lab.io/pod-security-reason": ISTIO_SYSTEM_REASON },
        },
      });
    }
  });

  it("comes with the add-ons' namespaces, unlabelled for sidecars, each at its Pod Security level", () => {
    const model = modelOf("prod-us-west-2");
    expect(buildPlatformNamespaces(model.environment, model.tenants).map((n) => [n.metadata!.name, n.metadata!.labels])).toEqual([
      ["istio-system", { ...PLATFORM_LABELS, ...podSecurity("baseline"), "topology.istio.io/network": "network-us-west-2" }],
      ["argo-rollouts", { ...PLATFORM_LABELS, ...podSecurity("restricted") }],
      ["cert-manager", { ...PLATFORM_LABELS, ...podSecurity("restricted") }],
      ["external-secrets", { ...PLATFORM_LABELS, ...podSecurity("restricted") }],
      ["logging", { ...PLATFORM_LABELS, ...podSecurity("privileged") }],
      ["monitoring", { ...PLATFORM_LABELS, ...podSecurity("privileged") }],
      ["tracing", { ...PLATFORM_LABELS, ...podSecurity("baseline") }],
      ["velero", { ...PLATFORM_LABELS, ...podSecurity("privileged") }],
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
    const gke = edgeModel("prod-us-west-2", { cluster: { name: "prod-us-west1", provider: "gke", region: "us-west1", role: "primary", gcpProject: "shop-prod-1" } });
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
      "cert-manager",
      "external-secrets",
      "logging",
      "monitoring",
      "tracing",
      "shop",
      "storefront",
      "istio-ingress",
    ]);
  });

  it("is not rendered in gateway-api mode with nothing exposed (no add-on and no Gateway use it)", () => {
    expect(namespaces(modelOf("dev"))).toEqual(["istio-system", "argo-rollouts", "cert-manager", "external-secrets", "logging", "monitoring", "tracing", "shop", "storefront"]);
  });
});

import type { EnvironmentModel, IngressMode } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import {
  buildGatewayApiGateway,
  buildHttpRoute,
  buildHttpsRedirectRoute,
  buildIngressNamespace,
  buildIstioIngressGateway,
  buildVersionService,
  httpsListenerName,
  PLATFORM_LABELS,
  routesVersionsAtGateway,
  serviceLabels,
  validationMessages,
} from "../src/index.ts";
import { TENANTS, cacheSpec, checkoutSpec, cloudLabSpec, fixtureEnvironments, fixturePlatform, modelOf, sourcedService, sourcedTenant, webSpec } from "./fixtures.ts";

/**
 * Two edge services: storefront/web (one version, two hosts, the environment's certificate) and
 * cloud-lab/cloud-lab-service (the canary v1 90 / v2 10, its own certificate).
 */
function edgeModel(mode: IngressMode = "gateway-api", cloudLab = cloudLabSpec({ ingress: { hosts: ["api.cloud-lab.example"], tlsSecretName: "cloud-lab-tls" } })): EnvironmentModel {
  const environments = fixtureEnvironments().map((e) => (e.spec.name === "prod-us-west-2" ? { ...e, spec: { ...e.spec, mesh: { ingress: { mode } } } } : e));
  const definition = fixturePlatform({
    tenants: [...TENANTS, sourcedTenant({ name: "cloud-lab", team: "cloud-lab" })],
    services: [
      sourcedService(checkoutSpec()),
      sourcedService(webSpec({ ingress: { hosts: ["www.shop.example.com", "shop.example.com"] } })),
      sourcedService(cacheSpec()),
      sourcedService(cloudLab),
    ],
    environments,
  });
  return modelOf("prod-us-west-2", definition);
}

/** An object's JSON without its annotations (DNS failover between clusters is the multi-cluster tests' concern). */
function withoutAnnotations(model: { toJSON(): unknown }): unknown {
  const json = model.toJSON() as { metadata: Record<string, unknown> };
  const { annotations: _annotations, ...metadata } = json.metadata;
  return { ...json, metadata };
}

const service = (model: EnvironmentModel, name: string) => model.services.find((s) => s.name === name)!;
const INGRESS_NAMESPACE = {
  apiVersion: "v1",
  kind: "Namespace",
  metadata: {
    name: "istio-ingress",
    labels: {
      "app.kubernetes.io/part-of": "platform",
      "app.kubernetes.io/managed-by": "cloudlab",
      "pod-security.kubernetes.io/enforce": "baseline",
      "pod-security.kubernetes.io/enforce-version": "v1.28",
      "pod-security.kubernetes.io/audit": "baseline",
      "pod-security.kubernetes.io/audit-version": "v1.28",
      "pod-security.kubernetes.io/warn": "baseline",
      "pod-security.kubernetes.io/warn-version": "v1.28",
    },
    annotations: {
      "platform.cloud-lab.io/pod-security-reason":
        "the Istio gateway pods set no seccompProfile, which restricted requires; they need nothing beyond baseline (the net.ipv4.ip_unprivileged_port_start sysctl is a baseline-safe one)",
    },
  },
};

describe("httpsListenerName", () => {
  it.each([
    ["shop.example.com", "https-shop-example-com"],
    ["*.example.com", "https-wildcard-example-com"],
    ["localhost", "https-localhost"],
    [`${"a".repeat(60)}.com`, `https-${"a".repeat(57)}`],
    [`${"a".repeat(56)}.example.com`, `https-${"a".repeat(56)}`],
  ])("%s → %s", (host, name) => {
    expect(httpsListenerName(host)).toBe(name);
    expect(httpsListenerName(host).length).toBeLessThanOrEqual(63);
  });
});

describe("buildGatewayApiGateway", () => {
  it("listens on HTTP and, per exposed host (sorted), on HTTPS with that host's certificate Secret; routes only from edge tenants", () => {
    const model = edgeModel();
    const gateway = buildGatewayApiGateway(model.environment, model.services)!;
    const fromEdgeTenants = {
      namespaces: { from: "Selector", selector: { matchExpressions: [{ key: "kubernetes.io/metadata.name", operator: "In", values: ["cloud-lab", "storefront"] }] } },
    };
    const https = (host: string, secret: string) => ({
      name: httpsListenerName(host),
      hostname: host,
      port: 443,
      protocol: "HTTPS",
      tls: { mode: "Terminate", certificateRefs: [{ kind: "Secret", name: secret }] },
      allowedRoutes: fromEdgeTenants,
    });
    expect(withoutAnnotations(gateway)).toEqual({
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "Gateway",
      metadata: { name: "platform-gateway", namespace: "istio-ingress", labels: { ...PLATFORM_LABELS } },
      spec: {
        gatewayClassName: "istio",
        listeners: [
          { name: "http", port: 80, protocol: "HTTP", allowedRoutes: { namespaces: { from: "Same" } } },
          https("api.cloud-lab.example", "cloud-lab-tls"),
          https("shop.example.com", "ingress-tls"),
          https("www.shop.example.com", "ingress-tls"),
        ],
      },
    });
    expect(validationMessages(gateway)).toEqual([]);
  });

  it("is undefined without edge services, and in istio mode", () => {
    const plain = modelOf("prod-us-west-2");
    expect(buildGatewayApiGateway(plain.environment, plain.services)).toBeUndefined();
    const istio = edgeModel("istio");
    expect(buildGatewayApiGateway(istio.environment, istio.services)).toBeUndefined();
  });
});

describe("buildHttpsRedirectRoute", () => {
  it("redirects every plain-HTTP request at the gateway to HTTPS", () => {
    const model = edgeModel();
    const route = buildHttpsRedirectRoute(model.environment, model.services)!;
    expect(route.toJSON()).toEqual({
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: "https-redirect", namespace: "istio-ingress", labels: { ...PLATFORM_LABELS } },
      spec: {
        parentRefs: [{ name: "platform-gateway", sectionName: "http" }],
        rules: [{ filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }] }],
      },
    });
    expect(validationMessages(route)).toEqual([]);
    const istio = edgeModel("istio");
    expect(buildHttpsRedirectRoute(istio.environment, istio.services)).toBeUndefined();
  });
});

describe("buildHttpRoute", () => {
  it("routes a single-version edge service's hosts and path to its Service, through each host's listener", () => {
    const model = edgeModel();
    const web = service(model, "web");
    const route = buildHttpRoute(web, model.environment)!;
    const parent = (host: string) => ({
      group: "gateway.networking.k8s.io",
      kind: "Gateway",
      name: "platform-gateway",
      namespace: "istio-ingress",
      sectionName: httpsListenerName(host),
    });
    expect(withoutAnnotations(route)).toEqual({
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: "web", namespace: "storefront", labels: serviceLabels(web) },
      spec: {
        parentRefs: [parent("www.shop.example.com"), parent("shop.example.com")],
        hostnames: ["www.shop.example.com", "shop.example.com"],
        rules: [{ matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [{ name: "web", port: 80 }] }],
      },
    });
    expect(validationMessages(route)).toEqual([]);
    expect(routesVersionsAtGateway(web, model.environment)).toBe(false);
  });

  it("splits a multi-version edge service by weight between per-version Services", () => {
    const model = edgeModel();
    const cloudLab = service(model, "cloud-lab-service");
    expect(routesVersionsAtGateway(cloudLab, model.environment)).toBe(true);
    expect(buildHttpRoute(cloudLab, model.environment)!.spec!.rules).toEqual([
      {
        matches: [{ path: { type: "PathPrefix", value: "/" } }],
        backendRefs: [
          { name: "cloud-lab-service-v1", port: 8080, weight: 90 },
          { name: "cloud-lab-service-v2", port: 8080, weight: 10 },
        ],
      },
    ]);
    // The per-version Services it routes to select exactly one version's pods.
    expect(cloudLab.versions.map((v) => buildVersionService(cloudLab, v).toJSON())).toEqual(
      ["v1", "v2"].map((v) => ({
        apiVersion: "v1",
        kind: "Service",
        metadata: { name: `cloud-lab-service-${v}`, namespace: "cloud-lab", labels: { ...serviceLabels(cloudLab), version: v } },
        spec: {
          type: "ClusterIP",
          selector: { "app.kubernetes.io/name": "cloud-lab-service", version: v },
          ports: [{ name: "http", port: 8080, targetPort: 8080, protocol: "TCP", appProtocol: "http" }],
        },
      })),
    );
  });

  it("routes A/B rules (exact, prefix, regex, cookie) to their version's Service before the weighted split", () => {
    const spec = cloudLabSpec({
      ingress: { hosts: ["api.cloud-lab.example"], pathPrefix: "/api" },
      routing: {
        matches: [
          { name: "beta", headers: { "x-beta": { exact: "true" }, "user-agent": { prefix: "iOS.1" } }, version: "v2" },
          { name: "testers", cookie: { name: "group", value: "testers" }, version: "v2" },
          { name: "ids", headers: { "x-id": { regex: "^[0-9]+$" } }, version: "v1" },
        ],
      },
    });
    const model = edgeModel("gateway-api", spec);
    const path = { type: "PathPrefix", value: "/api" };
    expect(buildHttpRoute(service(model, "cloud-lab-service"), model.environment)!.spec!.rules).toEqual([
      {
        matches: [
          {
            path,
            headers: [
              { type: "Exact", name: "x-beta", value: "true" },
              { type: "RegularExpression", name: "user-agent", value: "^iOS\\.1.*" },
            ],
          },
        ],
        backendRefs: [{ name: "cloud-lab-service-v2", port: 8080 }],
      },
      {
        matches: [{ path, headers: [{ type: "RegularExpression", name: "cookie", value: "^(.*?;\\s*)?(group=testers)(;.*)?$" }] }],
        backendRefs: [{ name: "cloud-lab-service-v2", port: 8080 }],
      },
      { matches: [{ path, headers: [{ type: "RegularExpression", name: "x-id", value: "^[0-9]+$" }] }], backendRefs: [{ name: "cloud-lab-service-v1", port: 8080 }] },
      {
        matches: [{ path }],
        backendRefs: [
          { name: "cloud-lab-service-v1", port: 8080, weight: 90 },
          { name: "cloud-lab-service-v2", port: 8080, weight: 10 },
        ],
      },
    ]);
  });

  it("sends all gateway traffic to the live side of a blue-green pair", () => {
    const spec = cloudLabSpec({ ingress: { hosts: ["api.cloud-lab.example"] }, versions: [{ name: "blue" }, { name: "green" }], routing: { strategy: "blue-green", live: "green" } });
    const model = edgeModel("gateway-api", spec);
    expect(buildHttpRoute(service(model, "cloud-lab-service"), model.environment)!.spec!.rules![0]!.backendRefs).toEqual([
      { name: "cloud-lab-service-blue", port: 8080, weight: 0 },
      { name: "cloud-lab-service-green", port: 8080, weight: 100 },
    ]);
  });

  it("is undefined for a service that is not exposed, and in istio mode", () => {
    const model = edgeModel();
    expect(buildHttpRoute(service(model, "checkout"), model.environment)).toBeUndefined();
    const istio = edgeModel("istio");
    expect(buildHttpRoute(service(istio, "web"), istio.environment)).toBeUndefined();
    expect(routesVersionsAtGateway(service(istio, "cloud-lab-service"), istio.environment)).toBe(false);
  });
});

describe("buildIstioIngressGateway", () => {
  it("serves every host on HTTP (redirected) and each on HTTPS with SIMPLE TLS by Secret name, in istio mode", () => {
    const model = edgeModel("istio");
    const gateway = buildIstioIngressGateway(model.environment, model.services)!;
    const https = (host: string, secret: string) => ({
      port: { number: 443, name: httpsListenerName(host), protocol: "HTTPS" },
      hosts: [host],
      tls: { mode: "SIMPLE", credentialName: secret },
    });
    expect(withoutAnnotations(gateway)).toEqual({
      apiVersion: "networking.istio.io/v1beta1",
      kind: "Gateway",
      metadata: { name: "platform-gateway", namespace: "istio-ingress", labels: { ...PLATFORM_LABELS } },
      spec: {
        selector: { istio: "ingressgateway" },
        servers: [
          { port: { number: 80, name: "http", protocol: "HTTP" }, hosts: ["api.cloud-lab.example", "shop.example.com", "www.shop.example.com"], tls: { httpsRedirect: true } },
          https("api.cloud-lab.example", "cloud-lab-tls"),
          https("shop.example.com", "ingress-tls"),
          https("www.shop.example.com", "ingress-tls"),
        ],
      },
    });
    expect(validationMessages(gateway)).toEqual([]);
  });

  it("is undefined in gateway-api mode and without edge services", () => {
    const model = edgeModel();
    expect(buildIstioIngressGateway(model.environment, model.services)).toBeUndefined();
    const plain = modelOf("prod-us-west-2");
    expect(buildIstioIngressGateway({ ...plain.environment, mesh: { ...plain.environment.mesh, ingress: { ...plain.environment.mesh.ingress, mode: "istio" } } }, plain.services)).toBeUndefined();
  });
});

describe("buildIngressNamespace", () => {
  it("is the gateway's namespace with the platform's labels, at Pod Security baseline with the reason", () => {
    const namespace = buildIngressNamespace(edgeModel().environment);
    expect(namespace.toJSON()).toEqual(INGRESS_NAMESPACE);
    expect(validationMessages(namespace)).toEqual([]);
  });
});

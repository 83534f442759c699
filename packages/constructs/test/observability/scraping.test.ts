import { describe, expect, it } from "vitest";
import {
  buildDeployment,
  buildEnvoyPodMonitor,
  buildMetricsAuthorizationPolicy,
  buildMetricsNetworkPolicy,
  buildScrapeNetworkPolicy,
  buildServiceMonitor,
  buildStatefulSet,
  scrapeAnnotations,
} from "../../src/index.ts";
import { webSpec } from "../fixtures.ts";
import { observedModel } from "./observability-fixtures.ts";

const withMetrics = webSpec({ observability: { metrics: { port: "http", path: "/stats" } } });

function web(scraping: "operator" | "annotations") {
  return observedModel("prod-us-west-2", { scraping }, [withMetrics]).services.find((s) => s.name === "web")!;
}

describe("scraping with the Prometheus Operator (the default)", () => {
  const model = observedModel("prod-us-west-2");
  const shop = model.tenants.find((t) => t.name === "shop")!;

  it("scrapes the Istio proxy of every pod of a tenant: a PodMonitor on http-envoy-prom (15090), /stats/prometheus", () => {
    const monitor = buildEnvoyPodMonitor(shop, model.environment)!;
    expect(monitor.toJSON()).toMatchObject({
      metadata: { name: "envoy-stats", namespace: "shop" },
      spec: {
        namespaceSelector: { matchNames: ["shop"] },
        selector: { matchLabels: { "app.kubernetes.io/part-of": "shop", "app.kubernetes.io/managed-by": "cloudlab" } },
        podMetricsEndpoints: [{ port: "http-envoy-prom", path: "/stats/prometheus", interval: "15s" }],
      },
    });
    expect(() => monitor.validate()).not.toThrow();
  });

  it("scrapes a service's own metrics endpoint through its Service port over HTTPS with Istio certificates", () => {
    const monitor = buildServiceMonitor(web("operator"))!;
    expect(monitor.toJSON()).toMatchObject({
      metadata: { name: "web", namespace: "storefront" },
      spec: {
        selector: { matchLabels: { "app.kubernetes.io/name": "web" } },
        endpoints: [{ port: "http", path: "/stats", scheme: "https", tlsConfig: { caFile: "/etc/prom-certs/root-cert.pem", insecureSkipVerify: true } }],
      },
    });
    expect(() => monitor.validate()).not.toThrow();
    expect(buildServiceMonitor(observedModel("prod-us-west-2").services.find((s) => s.name === "web")!)).toBeUndefined();
  });

  it("lets Prometheus in: the proxy's ports for the whole tenant, GET <path> on the metrics port for the service", () => {
    expect(buildScrapeNetworkPolicy(shop).spec!.ingress).toEqual([
      {
        from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "monitoring" } } }],
        ports: [
          { protocol: "TCP", port: 15090 },
          { protocol: "TCP", port: 15020 },
        ],
      },
    ]);
    expect(buildMetricsNetworkPolicy(web("operator"))!.spec!.ingress![0]!.ports).toEqual([{ protocol: "TCP", port: 8080 }]);
    expect(buildMetricsAuthorizationPolicy(web("operator"))!.spec).toEqual({
      selector: { matchLabels: { "app.kubernetes.io/name": "web" } },
      action: "ALLOW",
      rules: [{ from: [{ source: { namespaces: ["monitoring"] } }], to: [{ operation: { methods: ["GET"], paths: ["/stats"], ports: ["8080"] } }] }],
    });
  });

  it("adds no prometheus.io annotations to the pods", () => {
    expect(scrapeAnnotations(web("operator"))).toEqual({});
    expect(buildDeployment(web("operator")).spec!.template.metadata!.annotations).not.toHaveProperty("prometheus.io/scrape");
  });
});

describe("scraping by annotations (no operator)", () => {
  const model = observedModel("prod-us-west-2", { scraping: "annotations" });
  const shop = model.tenants.find((t) => t.name === "shop")!;

  it("renders no PodMonitor, ServiceMonitor or application-port access", () => {
    expect(buildEnvoyPodMonitor(shop, model.environment)).toBeUndefined();
    expect(buildServiceMonitor(web("annotations"))).toBeUndefined();
    expect(buildMetricsNetworkPolicy(web("annotations"))).toBeUndefined();
    expect(buildMetricsAuthorizationPolicy(web("annotations"))).toBeUndefined();
    expect(buildScrapeNetworkPolicy(shop).metadata!.name).toBe("allow-prometheus-scrape");
  });

  it("marks every pod prometheus.io/scrape, with the port and path of a service's own endpoint", () => {
    expect(buildDeployment(web("annotations")).spec!.template.metadata!.annotations).toMatchObject({
      "prometheus.io/scrape": "true",
      "prometheus.io/port": "8080",
      "prometheus.io/path": "/stats",
    });
    const cache = model.services.find((s) => s.name === "cache")!;
    expect(scrapeAnnotations(cache)).toEqual({ "prometheus.io/scrape": "true" });
    expect(buildStatefulSet(cache).spec!.template.metadata!.annotations).toMatchObject({ "prometheus.io/scrape": "true" });
  });
});

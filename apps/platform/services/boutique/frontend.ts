import { defineService } from "@cloudlab/model";

export default defineService({
  name: "frontend",
  team: "boutique",
  tenant: "boutique",
  description: "The shop's web UI: serves the HTML pages and calls the backend services over gRPC.",
  image: { repository: "us-central1-docker.pkg.dev/google-samples/microservices-demo/frontend", tag: "v0.10.6" },
  ports: [{ name: "http", port: 80, targetPort: 8080, protocol: "http" }],
  env: [
    { name: "PORT", value: "8080" },
    { name: "PRODUCT_CATALOG_SERVICE_ADDR", value: "productcatalogservice:3550" },
    { name: "CURRENCY_SERVICE_ADDR", value: "currencyservice:7000" },
    { name: "CART_SERVICE_ADDR", value: "cartservice:7070" },
    { name: "RECOMMENDATION_SERVICE_ADDR", value: "recommendationservice:8080" },
    { name: "SHIPPING_SERVICE_ADDR", value: "shippingservice:50051" },
    { name: "CHECKOUT_SERVICE_ADDR", value: "checkoutservice:5050" },
    { name: "AD_SERVICE_ADDR", value: "adservice:9555" },
    { name: "ENABLE_PROFILER", value: "0" },
  ],
  resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
  probes: {
    readiness: {
      http: { path: "/_healthz", port: 8080, headers: { Cookie: "shop_session-id=x-readiness-probe" } },
      initialDelaySeconds: 10,
    },
    liveness: {
      http: { path: "/_healthz", port: 8080, headers: { Cookie: "shop_session-id=x-liveness-probe" } },
      initialDelaySeconds: 10,
    },
  },
  autoscaling: { minReplicas: 10, maxReplicas: 100, cpuTargetPercent: 70 },
  // A release starts beside the running pods behind frontend-preview; a person promotes it, then five minutes of its
  // own p95 latency and error ratio on live traffic decide whether it stays (the old pods wait five minutes to take
  // the traffic back).
  delivery: { strategy: "blue-green", analysis: "slo", autoPromote: false },
  // The edge service: exposed through the ingress gateway (host names per environment in environments/*.ts).
  ingress: { hosts: ["shop.cloud-lab.example"] },
  // A page render fans out to up to seven backends; users notice past a quarter of a second.
  observability: { slo: { latencyP95Milliseconds: 250 } },
  calls: [
    "productcatalogservice",
    "currencyservice",
    "cartservice",
    "recommendationservice",
    "shippingservice",
    "checkoutservice",
    "adservice",
  ],
});

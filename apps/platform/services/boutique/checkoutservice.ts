import { defineService } from "@cloudlab/model";

export default defineService({
  name: "checkoutservice",
  team: "boutique",
  tenant: "boutique",
  description: "Places orders: reads the cart, prepares the order, charges the card, ships it and sends the confirmation.",
  image: { repository: "us-central1-docker.pkg.dev/google-samples/microservices-demo/checkoutservice", tag: "v0.10.6" },
  ports: [{ name: "grpc", port: 5050, protocol: "grpc" }],
  env: [
    { name: "PORT", value: "5050" },
    { name: "PRODUCT_CATALOG_SERVICE_ADDR", value: "productcatalogservice:3550" },
    { name: "SHIPPING_SERVICE_ADDR", value: "shippingservice:50051" },
    { name: "PAYMENT_SERVICE_ADDR", value: "paymentservice:50051" },
    { name: "EMAIL_SERVICE_ADDR", value: "emailservice:5000" },
    { name: "CURRENCY_SERVICE_ADDR", value: "currencyservice:7000" },
    { name: "CART_SERVICE_ADDR", value: "cartservice:7070" },
  ],
  resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
  probes: {
    readiness: { grpc: { port: 5050 } },
    liveness: { grpc: { port: 5050 } },
  },
  autoscaling: { minReplicas: 5, maxReplicas: 50, cpuTargetPercent: 70 },
  // A critical path: traced at 100 %.
  critical: true,
  // PlaceOrder calls six services in turn (cart, catalog, currency, shipping, payment, email): its own p95 objective
  // is the sum of theirs, not the 100 ms of one hop.
  observability: { slo: { latencyP95Milliseconds: 500, availabilityPercent: 99.95 } },
  accepts: [{ from: ["frontend"], paths: ["/hipstershop.CheckoutService/PlaceOrder"], methods: ["POST"] }],
  calls: ["productcatalogservice", "shippingservice", "paymentservice", "emailservice", "currencyservice", "cartservice"],
});

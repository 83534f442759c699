import { defineService } from "@cloudlab/model";

export default defineService({
  name: "paymentservice",
  team: "boutique",
  tenant: "boutique",
  description: "Charges the given credit card (a mock) and returns a transaction id.",
  image: { repository: "us-central1-docker.pkg.dev/google-samples/microservices-demo/paymentservice", tag: "v0.10.6" },
  ports: [{ name: "grpc", port: 50051, protocol: "grpc" }],
  env: [
    { name: "PORT", value: "50051" },
    { name: "DISABLE_PROFILER", value: "1" },
    { name: "PAYMENT_API_TOKEN", secretKeyRef: { name: "payment-api", key: "token" } },
  ],
  // The card processor's API token: read from `<stage>/boutique/payment-api` in the secret manager, never from Git;
  // a rotated token reaches the Secret within the hour.
  secrets: [{ name: "payment-api", from: "payment-api", keys: ["token"], refresh: "1h" }],
  resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
  probes: {
    readiness: { grpc: { port: 50051 } },
    liveness: { grpc: { port: 50051 } },
  },
  autoscaling: { minReplicas: 3, maxReplicas: 30, cpuTargetPercent: 70 },
  // A critical path: traced at 100 %, and only checkout may charge a card.
  critical: true,
  // Charging a card must almost never fail: a tighter availability objective than the platform's 99.9 %.
  observability: { slo: { availabilityPercent: 99.95 } },
  accepts: [{ from: ["checkoutservice"], paths: ["/hipstershop.PaymentService/Charge"], methods: ["POST"] }],
  // The card processor's API, over TLS the service originates itself: the only host outside the mesh it may reach
  // (the mesh is REGISTRY_ONLY). Dev and staging call the processor's sandbox instead (their overrides).
  egress: [{ host: "api.payments.example", port: 443, protocol: "tls" }],
  terminationGracePeriodSeconds: 5,
});

import { defineService } from "@cloudlab/model";

export default defineService({
  name: "emailservice",
  team: "boutique",
  tenant: "boutique",
  description: "Sends users an order confirmation email (a mock).",
  image: { repository: "us-central1-docker.pkg.dev/google-samples/microservices-demo/emailservice", tag: "v0.10.6" },
  ports: [{ name: "grpc", port: 5000, targetPort: 8080, protocol: "grpc" }],
  env: [
    { name: "PORT", value: "8080" },
    { name: "DISABLE_PROFILER", value: "1" },
  ],
  resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
  probes: {
    readiness: { grpc: { port: 8080 }, periodSeconds: 5 },
    liveness: { grpc: { port: 8080 }, periodSeconds: 5 },
  },
  autoscaling: { minReplicas: 3, maxReplicas: 30, cpuTargetPercent: 70 },
  accepts: [{ from: ["checkoutservice"], paths: ["/hipstershop.EmailService/SendOrderConfirmation"], methods: ["POST"] }],
  terminationGracePeriodSeconds: 5,
});

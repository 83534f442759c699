import { defineService } from "@cloudlab/model";

export default defineService({
  name: "shippingservice",
  team: "boutique",
  tenant: "boutique",
  description: "Quotes shipping costs for a cart and ships orders to an address (a mock).",
  image: { repository: "us-central1-docker.pkg.dev/google-samples/microservices-demo/shippingservice", tag: "v0.10.6" },
  ports: [{ name: "grpc", port: 50051, protocol: "grpc" }],
  env: [
    { name: "PORT", value: "50051" },
    { name: "DISABLE_PROFILER", value: "1" },
  ],
  resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
  probes: {
    readiness: { grpc: { port: 50051 }, periodSeconds: 5 },
    liveness: { grpc: { port: 50051 } },
  },
  autoscaling: { minReplicas: 3, maxReplicas: 30, cpuTargetPercent: 70 },
});

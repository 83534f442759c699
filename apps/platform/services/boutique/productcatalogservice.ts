import { defineService } from "@cloudlab/model";

export default defineService({
  name: "productcatalogservice",
  team: "boutique",
  tenant: "boutique",
  description: "Lists the products from a JSON file and lets callers search them and fetch one.",
  image: { repository: "us-central1-docker.pkg.dev/google-samples/microservices-demo/productcatalogservice", tag: "v0.10.6" },
  ports: [{ name: "grpc", port: 3550, protocol: "grpc" }],
  env: [
    { name: "PORT", value: "3550" },
    { name: "DISABLE_PROFILER", value: "1" },
  ],
  resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
  probes: {
    readiness: { grpc: { port: 3550 } },
    liveness: { grpc: { port: 3550 } },
  },
  autoscaling: { minReplicas: 3, maxReplicas: 30, cpuTargetPercent: 70 },
  terminationGracePeriodSeconds: 5,
});

import { defineService } from "@cloudlab/model";

export default defineService({
  name: "cartservice",
  team: "boutique",
  tenant: "boutique",
  description: "Stores the items in each user's shopping cart in Redis.",
  image: { repository: "us-central1-docker.pkg.dev/google-samples/microservices-demo/cartservice", tag: "v0.10.6" },
  ports: [{ name: "grpc", port: 7070, protocol: "grpc" }],
  env: [{ name: "REDIS_ADDR", value: "redis-cart:6379" }],
  resources: { requests: { cpu: "200m", memory: "64Mi" }, limits: { cpu: "300m", memory: "128Mi" } },
  probes: {
    readiness: { grpc: { port: 7070 }, initialDelaySeconds: 15 },
    liveness: { grpc: { port: 7070 }, initialDelaySeconds: 15, periodSeconds: 10 },
  },
  autoscaling: { minReplicas: 3, maxReplicas: 30, cpuTargetPercent: 70 },
  calls: ["redis-cart"],
  terminationGracePeriodSeconds: 5,
});

import { defineService } from "@cloudlab/model";

export default defineService({
  name: "adservice",
  team: "boutique",
  tenant: "boutique",
  description: "Serves text ads matching the given context words.",
  image: { repository: "us-central1-docker.pkg.dev/google-samples/microservices-demo/adservice", tag: "v0.10.6" },
  ports: [{ name: "grpc", port: 9555, protocol: "grpc" }],
  env: [{ name: "PORT", value: "9555" }],
  resources: { requests: { cpu: "200m", memory: "180Mi" }, limits: { cpu: "300m", memory: "300Mi" } },
  probes: {
    readiness: { grpc: { port: 9555 }, initialDelaySeconds: 20, periodSeconds: 15 },
    liveness: { grpc: { port: 9555 }, initialDelaySeconds: 20, periodSeconds: 15 },
  },
  autoscaling: { minReplicas: 3, maxReplicas: 30, cpuTargetPercent: 70 },
  terminationGracePeriodSeconds: 5,
});

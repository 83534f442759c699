import { defineService } from "@cloudlab/model";

export default defineService({
  name: "currencyservice",
  team: "boutique",
  tenant: "boutique",
  description: "Converts amounts between currencies, using the European Central Bank's rates.",
  image: { repository: "us-central1-docker.pkg.dev/google-samples/microservices-demo/currencyservice", tag: "v0.10.6" },
  ports: [{ name: "grpc", port: 7000, protocol: "grpc" }],
  env: [
    { name: "PORT", value: "7000" },
    { name: "DISABLE_PROFILER", value: "1" },
  ],
  resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
  probes: {
    readiness: { grpc: { port: 7000 } },
    liveness: { grpc: { port: 7000 } },
  },
  autoscaling: { minReplicas: 3, maxReplicas: 30, cpuTargetPercent: 70 },
  terminationGracePeriodSeconds: 5,
});

import { defineService } from "@cloudlab/model";

export default defineService({
  name: "cloud-lab-service",
  team: "cloud-lab",
  tenant: "cloud-lab",
  description: "The cloud-lab HTTP service.",
  image: { repository: "registry.cloud-lab.example/cloud-lab/cloud-lab-service", tag: "1.0.0" },
  ports: [{ name: "http", port: 8080, protocol: "http" }],
  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
  probes: {
    readiness: { http: { path: "/healthz", port: "http" } },
    liveness: { http: { path: "/healthz", port: "http" } },
  },
  autoscaling: { minReplicas: 2, maxReplicas: 20, cpuTargetPercent: 70 },
});

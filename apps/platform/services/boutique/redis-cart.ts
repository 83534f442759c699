import { defineService } from "@cloudlab/model";

export default defineService({
  name: "redis-cart",
  team: "boutique",
  tenant: "boutique",
  description: "The Redis instance that holds the shopping carts.",
  // Pinned: upstream uses the floating `redis:alpine`.
  image: { repository: "redis", tag: "7.2.4-alpine" },
  containerName: "redis",
  ports: [{ name: "redis", port: 6379, protocol: "tcp" }],
  resources: { requests: { cpu: "70m", memory: "200Mi" }, limits: { cpu: "125m", memory: "256Mi" } },
  probes: {
    readiness: { tcp: { port: "redis" }, periodSeconds: 5 },
    liveness: { tcp: { port: "redis" }, periodSeconds: 5 },
  },
  // One Redis: replicas would each hold their own, unshared carts.
  replicas: 1,
  workload: "stateful",
  storage: { size: "1Gi", mountPath: "/data" },
});

import { defineService } from "@cloudlab/model";

export default defineService({
  name: "recommendationservice",
  team: "boutique",
  tenant: "boutique",
  description: "Recommends other products based on what is in the cart.",
  image: { repository: "us-central1-docker.pkg.dev/google-samples/microservices-demo/recommendationservice", tag: "v0.10.6" },
  ports: [{ name: "grpc", port: 8080, protocol: "grpc" }],
  env: [
    { name: "PORT", value: "8080" },
    { name: "PRODUCT_CATALOG_SERVICE_ADDR", value: "productcatalogservice:3550" },
    { name: "DISABLE_PROFILER", value: "1" },
  ],
  resources: { requests: { cpu: "100m", memory: "220Mi" }, limits: { cpu: "200m", memory: "450Mi" } },
  probes: {
    readiness: { grpc: { port: 8080 }, periodSeconds: 5 },
    liveness: { grpc: { port: 8080 }, periodSeconds: 5 },
  },
  autoscaling: { minReplicas: 3, maxReplicas: 30, cpuTargetPercent: 70 },
  calls: ["productcatalogservice"],
  terminationGracePeriodSeconds: 5,
});

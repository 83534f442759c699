import { defineService } from "@cloudlab/model";

export default defineService({
  name: "loadgenerator",
  team: "boutique",
  tenant: "boutique",
  description: "Sends a steady stream of simulated shopping traffic (Locust) to the frontend; a worker with no ports.",
  image: { repository: "us-central1-docker.pkg.dev/google-samples/microservices-demo/loadgenerator", tag: "v0.10.6" },
  containerName: "main",
  env: [
    { name: "FRONTEND_ADDR", value: "frontend:80" },
    { name: "USERS", value: "10" },
    { name: "RATE", value: "1" },
  ],
  resources: { requests: { cpu: "300m", memory: "256Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
  replicas: 1,
  calls: ["frontend"],
  terminationGracePeriodSeconds: 5,
});

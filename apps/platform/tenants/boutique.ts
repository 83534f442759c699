import { defineTenant } from "@cloudlab/model";

export default defineTenant({
  name: "boutique",
  team: "boutique",
  description: "Online Boutique, the microservices demo shop.",
  // Generous for now; not yet sized to the sum of every service at its prod maxReplicas.
  quota: { requestsCpu: "64", requestsMemory: "128Gi", limitsCpu: "128", limitsMemory: "256Gi" },
});

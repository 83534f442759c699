import { defineTenant } from "@cloudlab/model";

export default defineTenant({
  name: "boutique",
  team: "boutique",
  description: "Online Boutique, the microservices demo shop.",
  // Sized so every service can reach its prod maxReplicas at once, Istio sidecars included (checked at render time;
  // `npm run synth` prints the figures): about 85 CPU requested and 164 CPU of limits at 392 pods.
  quota: { requestsCpu: "96", requestsMemory: "128Gi", limitsCpu: "180", limitsMemory: "256Gi" },
});

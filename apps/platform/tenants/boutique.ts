import { defineTenant } from "@cloudlab/model";

export default defineTenant({
  name: "boutique",
  team: "boutique",
  description: "Online Boutique, the microservices demo shop.",
  // Sized so every service can reach its prod maxReplicas at once, Istio sidecars included (checked at render time;
  // `npm run synth` prints the figures): about 105 CPU requested and 203 CPU of limits at 492 pods, the frontend's
  // blue-green counted twice (its old and new pods both run at full size until the old ones go after a release), with room for one more generated service (`nx g @cloudlab/platform:service`:
  // 20 pods at most in prod, about 20 CPU of limits).
  quota: { requestsCpu: "112", requestsMemory: "128Gi", limitsCpu: "240", limitsMemory: "256Gi" },
});

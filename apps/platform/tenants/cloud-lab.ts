import { defineTenant } from "@cloudlab/model";

export default defineTenant({
  name: "cloud-lab",
  team: "cloud-lab",
  description: "The cloud-lab team's own services.",
  quota: { requestsCpu: "4", requestsMemory: "8Gi", limitsCpu: "8", limitsMemory: "16Gi" },
});

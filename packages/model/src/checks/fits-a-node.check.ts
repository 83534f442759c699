import { formatCpu, formatMemory } from "../capacity.ts";
import { allocatable } from "../instance-types.ts";
import { parseQuantity } from "../quantity.ts";
import type { ServiceCheck } from "./service-check.ts";

/**
 * A pod is scheduled onto one node: if its requests (the app container's and the Istio sidecar's) are more than a node
 * of the environment's machine type can allocate, it stays Pending for ever, and sizing the node group for it would
 * ask for an absurd number of nodes. The DaemonSets on each node take some of the allocatable too, so a pod just
 * under it may still not fit; this is the bound past which it surely does not.
 */
export const fitsANode: ServiceCheck = {
  id: "service/fits-a-node",
  description: "A pod's requests (app container and Istio sidecar) fit one node of the environment's machine type.",
  check({ resources }, { environment }) {
    if (resources === undefined) return [];
    const { instanceType } = environment.cluster;
    const node = allocatable(instanceType);
    const sidecar = environment.defaults.sidecarResources.requests;
    const problems = [];
    for (const resource of ["cpu", "memory"] as const) {
      const request = resources.requests[resource];
      const total = parseQuantity(request) + parseQuantity(sidecar[resource]);
      const available = resource === "cpu" ? node.cpu : node.memory;
      if (total <= available) continue;
      const format = resource === "cpu" ? (n: number) => `${formatCpu(n)} cores` : formatMemory;
      problems.push({
        path: `resources.requests.${resource}`,
        message: `"${request}" and the Istio sidecar's "${sidecar[resource]}" ask ${format(total)} per pod, more than a ${instanceType} node of ${environment.name} can allocate (${format(available)}): the pods would never be scheduled`,
      });
    }
    return problems;
  },
};

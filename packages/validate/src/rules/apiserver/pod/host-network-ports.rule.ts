import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject } from "../../../support/values.ts";

/**
 * validatePodHostNetworkDeps: with `hostNetwork: true`, a regular container's port that sets a hostPort sets it to its
 * containerPort. An unset hostPort is accepted: a Pod's is defaulted to the containerPort, a template's is left for the
 * pod. (Init containers are not checked.)
 */
export const hostNetworkPorts: ObjectRule = {
  id: "host-network-ports",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "With hostNetwork, every container port that sets a hostPort sets it equal to its containerPort.",
  upstreamMessage: "spec.template.spec.containers[0].ports[0].hostPort: Invalid value: 8081: must match `containerPort` when `hostNetwork` is true",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined || pod.spec.hostNetwork !== true) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path, ["containers"])) {
      asArray(container.ports).forEach((item, index) => {
        const port = asObject(item);
        const hostPort = port?.hostPort;
        if (typeof hostPort === "number" && hostPort !== 0 && hostPort !== port?.containerPort) {
          problems.push({ path: [...path, "ports", index, "hostPort"], message: invalid(hostPort, "must match `containerPort` when `hostNetwork` is true") });
        }
      });
    }
    return problems;
  },
};

import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { duplicate } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject } from "../../../support/values.ts";

/** Reports host ports (protocol, host IP, port) used twice among `containers`, numbered from `listPath`. */
function conflicts(containers: readonly unknown[], listPath: FieldPath, problems: RuleProblem[]): void {
  const seen = new Set<string>();
  containers.forEach((item, index) => {
    asArray(asObject(item)?.ports).forEach((portItem, portIndex) => {
      const port = asObject(portItem);
      const hostPort = port?.hostPort;
      if (typeof hostPort !== "number" || hostPort === 0) return;
      const protocol = typeof port?.protocol === "string" ? port.protocol : "TCP";
      const hostIP = typeof port?.hostIP === "string" ? port.hostIP : "";
      const used = `${protocol}/${hostIP}/${hostPort}`;
      if (seen.has(used)) problems.push({ path: [...listPath, index, "ports", portIndex, "hostPort"], message: duplicate(used) });
      seen.add(used);
    });
  });
}

/**
 * No two ports of a pod's regular containers claim the same host port (for the same protocol and host IP), nor two
 * ports of one init container (init containers run one at a time). The apiserver checks each init container on its
 * own as a one-item list, so it reports an init container's clash at index 0 (`initContainers[0]`) whichever init
 * container it is in; the rule prints the same path.
 */
export const hostPortConflict: ObjectRule = {
  id: "host-port-conflict",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A pod's regular containers, and each init container, use each host port (per protocol and host IP) once.",
  upstreamMessage: 'spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    conflicts(asArray(pod.spec.containers), [...pod.path, "containers"], problems);
    for (const init of asArray(pod.spec.initContainers)) conflicts([init], [...pod.path, "initContainers"], problems);
    return problems;
  },
};

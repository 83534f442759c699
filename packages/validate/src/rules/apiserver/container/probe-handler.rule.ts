import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, required } from "../../../support/apiserver-validation.ts";
import { probedContainersOf } from "../../../support/container-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { handlersOf, handlerTypesSet } from "../../../support/probes.ts";

/**
 * Every probe (exec, httpGet, tcpSocket, grpc) and lifecycle hook (exec, httpGet, tcpSocket, sleep) of a regular
 * container or restartable init container has exactly one handler (on other containers those fields are forbidden).
 */
export const probeHandler: ObjectRule = {
  id: "probe-handler",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Probes and lifecycle hooks specify exactly one handler type.",
  upstreamMessage: "spec.containers[0].livenessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type",
  kinds: POD_SPEC_KINDS,
  check(object, context) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of probedContainersOf(pod.spec, pod.path, context.versions)) {
      for (const { path: handlerPath, handler, field } of handlersOf(container, path)) {
        const kinds = handlerTypesSet(handler, field);
        if (kinds.length === 0) problems.push({ path: handlerPath, message: required("must specify a handler type") });
        for (const extra of kinds.slice(1)) problems.push({ path: [...handlerPath, extra], message: forbidden("may not specify more than 1 handler type") });
      }
    }
    return problems;
  },
};

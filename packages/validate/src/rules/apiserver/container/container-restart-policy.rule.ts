import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, notSupported } from "../../../support/apiserver-validation.ts";
import { sidecarContainersEnabled } from "../../../support/container-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";

const NOT_SIDECAR_READY =
  "may not be set for init containers: the SidecarContainers feature gate is off by default before Kubernetes 1.29, so the apiserver drops the field and the container runs to completion before the others start";

/**
 * A container's own `restartPolicy` makes an init container a restartable sidecar; it is forbidden on regular
 * containers, and its only value is `Always`. Before Kubernetes 1.29 (SidecarContainers alpha, off by default) the
 * apiserver silently drops it from init containers, so a sidecar declared that way would block the pod's start: the
 * rule reports it. (Ephemeral containers: see `ephemeral-containers`.)
 */
export const containerRestartPolicy: ObjectRule = {
  id: "container-restart-policy",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A container `restartPolicy` is set only on init containers, only to `Always`, and only where the SidecarContainers feature is on (Kubernetes 1.29+).",
  upstreamMessage: "spec.template.spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers",
  kinds: POD_SPEC_KINDS,
  check(object, context) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    const sidecars = sidecarContainersEnabled(context.versions);
    for (const { path, container, list } of containersOf(pod.spec, pod.path, ["containers", "initContainers"])) {
      const policy = container.restartPolicy;
      if (policy === undefined || policy === null) continue;
      const where = [...path, "restartPolicy"];
      if (list === "containers") problems.push({ path: where, message: forbidden("may not be set for non-init containers") });
      else if (!sidecars) problems.push({ path: where, message: forbidden(NOT_SIDECAR_READY) });
      else if (policy !== "Always") problems.push({ path: where, message: notSupported(policy, ["Always"]) });
    }
    return problems;
  },
};

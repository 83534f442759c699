import type { ObjectRule } from "../../../rule.ts";
import { required } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";

/** A pod (or pod template) has at least one regular container: an empty `containers` list is rejected. */
export const containersRequired: ObjectRule = {
  id: "containers-required",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Every pod and pod template has at least one container in `containers`.",
  upstreamMessage: "spec.template.spec.containers: Required value",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const containers = pod.spec.containers;
    return Array.isArray(containers) && containers.length === 0 ? [{ path: [...pod.path, "containers"], message: required() }] : [];
  },
};

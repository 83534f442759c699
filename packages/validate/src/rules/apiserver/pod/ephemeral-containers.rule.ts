import type { ObjectRule } from "../../../rule.ts";
import { forbidden } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray } from "../../../support/values.ts";

/**
 * Ephemeral containers are added to running pods through the `ephemeralcontainers` subresource only: a Pod is not
 * created with them, and no pod template declares them.
 */
export const ephemeralContainers: ObjectRule = {
  id: "ephemeral-containers",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Pods are not created with ephemeral containers, and pod templates declare none.",
  upstreamMessage: "spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined || asArray(pod.spec.ephemeralContainers).length === 0) return [];
    const detail = object.kind === "Pod" ? "cannot be set on create" : "ephemeral containers not allowed in pod template";
    return [{ path: [...pod.path, "ephemeralContainers"], message: forbidden(detail) }];
  },
};

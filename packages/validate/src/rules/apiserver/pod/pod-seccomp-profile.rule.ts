import type { ObjectRule } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { validateLocalDescendingPath } from "../../../support/pod-validation.ts";
import { asObject, asString, at, isSet } from "../../../support/values.ts";

/**
 * validateSeccompProfileField for the pod: a `Localhost` profile names its `localhostProfile` (a relative path without
 * `..`), and no other type sets one. (Containers' profiles are checked with their security context.)
 */
export const podSeccompProfile: ObjectRule = {
  id: "pod-seccomp-profile",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A pod's Localhost seccomp profile sets a relative localhostProfile, and other profile types do not set one.",
  upstreamMessage: "spec.template.spec.securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const profile = asObject(at(pod.spec, "securityContext", "seccompProfile"));
    if (profile === undefined) return [];
    const path = [...pod.path, "securityContext", "seccompProfile", "localhostProfile"];
    const localhost = profile.localhostProfile;
    if (profile.type === "Localhost") {
      if (!isSet(localhost)) return [{ path, message: required("must be set when seccomp type is Localhost") }];
      return validateLocalDescendingPath(asString(localhost) ?? "", path);
    }
    return isSet(localhost) ? [{ path, message: invalid(profile, "can only be set when seccomp type is Localhost") }] : [];
  },
};

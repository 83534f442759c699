import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, invalid, required } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf, podTemplatePath } from "../../../support/pod-spec.ts";
import { asObject, asString, asStringMap, at } from "../../../support/values.ts";

const ANNOTATION_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

/** validateLocalDescendingPath: a relative path without `..` segments. */
function localDescendingPathErrors(value: string): string[] {
  const errors: string[] = [];
  if (value.startsWith("/")) errors.push("must be a relative path");
  if (value.split("/").includes("..")) errors.push("must not contain '..'");
  return errors;
}

/** ValidateSeccompProfile: an annotation's profile. */
function annotationProfileErrors(profile: string): string[] {
  if (profile === "runtime/default" || profile === "docker/default" || profile === "unconfined") return [];
  if (profile.startsWith("localhost/")) return localDescendingPathErrors(profile.slice("localhost/".length));
  return ["must be a valid seccomp profile"];
}

/** The field that disagrees with the annotation, if any (validateSeccompAnnotationsAndFieldsMatch). */
function mismatch(annotation: string, type: unknown, localhostProfile: unknown): { field: string; message: string } | undefined {
  const typeMismatch = { field: "type", message: "seccomp type in annotation and field must match" };
  if (type === "Unconfined") return annotation === "unconfined" ? undefined : typeMismatch;
  if (type === "RuntimeDefault") return annotation === "runtime/default" || annotation === "docker/default" ? undefined : typeMismatch;
  if (type === "Localhost") {
    if (!annotation.startsWith("localhost/")) return typeMismatch;
    if (localhostProfile !== annotation.slice("localhost/".length)) return { field: "localhostProfile", message: "seccomp profile in annotation and field must match" };
  }
  return undefined;
}

/**
 * A container's seccomp profile is well-formed: a `Localhost` profile names a relative path without `..`, other
 * types name none; the deprecated per-container annotation names a valid profile and agrees with the field. The
 * apiserver reports annotation values at `annotations.<key>` (a child, not a map key) and prints the whole profile as
 * the invalid value of a misplaced localhostProfile (the rule prints it as JSON).
 */
export const containerSeccomp: ObjectRule = {
  id: "container-seccomp",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Container seccompProfiles set localhostProfile exactly when the type is Localhost, and per-container seccomp annotations are valid and match the field.",
  upstreamMessage: "spec.containers[0].securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    const template = podTemplatePath(object.apiVersion, object.kind);
    const annotationsPath: FieldPath = template === undefined ? ["metadata", "annotations"] : [...template, "annotations"];
    const annotations = asStringMap(at(object.object, ...(template ?? []), "metadata", "annotations"));
    for (const [name, profile] of Object.entries(annotations)) {
      if (!name.startsWith(ANNOTATION_PREFIX)) continue;
      for (const message of annotationProfileErrors(profile)) problems.push({ path: [...annotationsPath, name], message: invalid(profile, message) });
    }
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      const seccomp = asObject(asObject(container.securityContext)?.seccompProfile);
      if (seccomp === undefined) continue;
      const where = [...path, "securityContext", "seccompProfile"];
      const localhostProfile = seccomp.localhostProfile;
      if (seccomp.type === "Localhost") {
        if (typeof localhostProfile !== "string") problems.push({ path: [...where, "localhostProfile"], message: required("must be set when seccomp type is Localhost") });
        else for (const message of localDescendingPathErrors(localhostProfile)) problems.push({ path: [...where, "localhostProfile"], message: invalid(localhostProfile, message) });
      } else if (localhostProfile !== undefined && localhostProfile !== null) {
        problems.push({ path: [...where, "localhostProfile"], message: invalid(seccomp, "can only be set when seccomp type is Localhost") });
      }
      const annotation = asString(container.name) === undefined ? undefined : annotations[`${ANNOTATION_PREFIX}${String(container.name)}`];
      const wrong = annotation === undefined ? undefined : mismatch(annotation, seccomp.type, localhostProfile);
      if (wrong !== undefined) problems.push({ path: [...where, wrong.field], message: forbidden(wrong.message) });
    }
    return problems;
  },
};

import type { FieldPath } from "../../../field-path.ts";
import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, invalid, isDns1123Subdomain, isQualifiedName, required } from "../../../support/apiserver-validation.ts";
import { validateLabels, validateLabelSelector } from "../../../support/label-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { isEmpty, podVolumes } from "../../../support/pod-validation.ts";
import { compareQuantities } from "../../../support/quantity.ts";
import { asArray, asObject, asString, at, isSet, type PlainObject } from "../../../support/values.ts";

/** The ObjectMeta fields other than labels and annotations, as validateFieldAllowList names them. */
const FORBIDDEN_META = [
  ["name", "name"],
  ["generateName", "generateName"],
  ["namespace", "namespace"],
  ["selfLink", "selfLink"],
  ["uid", "uID"],
  ["resourceVersion", "resourceVersion"],
  ["generation", "generation"],
  ["creationTimestamp", "creationTimestamp"],
  ["deletionTimestamp", "deletionTimestamp"],
  ["deletionGracePeriodSeconds", "deletionGracePeriodSeconds"],
  ["ownerReferences", "ownerReferences"],
  ["finalizers", "finalizers"],
  ["managedFields", "managedFields"],
] as const;

/** ValidateTemplateObjectMeta: only labels and annotations, both valid. */
function templateMeta(meta: PlainObject, path: FieldPath): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const name of Object.keys(asObject(meta.annotations) ?? {})) {
    for (const message of isQualifiedName(name.toLowerCase())) problems.push({ path: [...path, "annotations"], message: invalid(name, message) });
  }
  problems.push(...validateLabels(meta.labels, [...path, "labels"]));
  for (const [field, reported] of FORBIDDEN_META) {
    const value = meta[field];
    const zero = !isSet(value) || value === "" || value === 0 || (Array.isArray(value) && value.length === 0);
    if (!zero) problems.push({ path: [...path, reported], message: forbidden("cannot be set") });
  }
  return problems;
}

/** validateDataSource / validateDataSourceRef (the parts that do not depend on feature gates). */
function dataSource(source: PlainObject, path: FieldPath): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (isEmpty(source.name)) problems.push({ path: [...path, "name"], message: required() });
  const kind = asString(source.kind) ?? "";
  if (kind === "") problems.push({ path: [...path, "kind"], message: required() });
  const group = asString(source.apiGroup) ?? "";
  if (group === "" && kind !== "PersistentVolumeClaim") problems.push({ path, message: invalid(kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup") });
  if (group !== "") for (const message of isDns1123Subdomain(group)) problems.push({ path: [...path, "apiGroup"], message: invalid(group, message) });
  return problems;
}

/** ValidatePersistentVolumeClaimSpec (create). */
function claimSpec(spec: PlainObject, path: FieldPath): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const modes = asArray(spec.accessModes);
  if (modes.length === 0) problems.push({ path: [...path, "accessModes"], message: required("at least 1 access mode is required") });
  if (isSet(spec.selector)) problems.push(...validateLabelSelector(spec.selector, [...path, "selector"]));
  if (modes.includes("ReadWriteOncePod") && modes.some((mode) => mode !== "ReadWriteOncePod")) {
    problems.push({ path: [...path, "accessModes"], message: forbidden("may not use ReadWriteOncePod with other access modes") });
  }
  const storagePath = [...path, "resources", key("storage")];
  const storage = at(spec, "resources", "requests", "storage");
  const quantity = typeof storage === "number" ? String(storage) : asString(storage);
  if (quantity === undefined) problems.push({ path: storagePath, message: required() });
  else if ((compareQuantities(quantity, "0") ?? 1) <= 0) problems.push({ path: storagePath, message: invalid(quantity, "must be greater than zero") });
  const storageClass = asString(spec.storageClassName) ?? "";
  if (storageClass !== "") for (const message of isDns1123Subdomain(storageClass)) problems.push({ path: [...path, "storageClassName"], message: invalid(storageClass, message) });
  for (const field of ["dataSource", "dataSourceRef"]) {
    const source = asObject(spec[field]);
    if (source !== undefined) problems.push(...dataSource(source, [...path, field]));
  }
  return problems;
}

/**
 * A generic ephemeral volume has a `volumeClaimTemplate` whose metadata sets only labels and annotations and whose
 * spec is a valid PersistentVolumeClaim spec: access modes, a positive storage request, a valid storage class name,
 * a valid selector and data source.
 */
export const ephemeralVolume: ObjectRule = {
  id: "ephemeral-volume",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Ephemeral volumes have a volumeClaimTemplate with only labels and annotations and a valid claim spec (access modes, a positive storage request).",
  upstreamMessage: "spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes: Required value: at least 1 access mode is required",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path: volumePath, field, source } of podVolumes(pod.spec, pod.path)) {
      if (field !== "ephemeral") continue;
      const path = [...volumePath, "ephemeral", "volumeClaimTemplate"];
      const template = asObject(source.volumeClaimTemplate);
      if (template === undefined) {
        problems.push({ path, message: required() });
        continue;
      }
      problems.push(...templateMeta(asObject(template.metadata) ?? {}, [...path, "metadata"]));
      problems.push(...claimSpec(asObject(template.spec) ?? {}, [...path, "spec"]));
    }
    return problems;
  },
};

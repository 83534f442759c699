import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, invalid, isQualifiedName, notSupported, required } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { isEmpty, podVolumes, validateFileMode, validateLocalNonReservedPath } from "../../../support/pod-validation.ts";
import { asArray, asObject, asString, isSet, type PlainObject } from "../../../support/values.ts";

/** The pod fields a downward API volume file may project (validVolumeDownwardAPIFieldPathExpressions). */
const VOLUME_FIELD_PATHS = ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid"];
/** The field labels the v1 downward API conversion knows (ConvertDownwardAPIFieldLabel). */
const KNOWN_FIELD_LABELS = new Set([
  ...VOLUME_FIELD_PATHS,
  "spec.nodeName",
  "spec.restartPolicy",
  "spec.serviceAccountName",
  "spec.schedulerName",
  "status.phase",
  "status.hostIP",
  "status.hostIPs",
  "status.podIP",
  "status.podIPs",
]);
const RESOURCE_FIELDS = ["limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu", "requests.ephemeral-storage", "requests.memory"];
const HUGEPAGES_PREFIXES = ["requests.hugepages-", "limits.hugepages-"];

/** SplitMaybeSubscriptedPath: `metadata.labels['app']` → `metadata.labels`, `app`. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const body = fieldPath.slice(0, -2);
  const open = body.indexOf("['");
  if (open <= 0) return undefined;
  return [body.slice(0, open), body.slice(open + 2)];
}

/** validateKeyToPath: an item of a configMap or secret (volume or projection). */
function keyToPath(item: PlainObject, path: FieldPath): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (isEmpty(item.key)) problems.push({ path: [...path, "key"], message: required() });
  const target = asString(item.path) ?? "";
  if (target === "") problems.push({ path: [...path, "path"], message: required() });
  problems.push(...validateLocalNonReservedPath(target, [...path, "path"]));
  problems.push(...validateFileMode(item.mode, [...path, "mode"]));
  return problems;
}

/** validateObjectFieldSelector for a downward API volume file. */
function fieldRef(ref: PlainObject, path: FieldPath): RuleProblem[] {
  // SetDefaults_ObjectFieldSelector: an empty apiVersion is v1.
  const apiVersion = asString(ref.apiVersion) || "v1";
  const fieldPath = asString(ref.fieldPath) ?? "";
  if (fieldPath === "") return [{ path: [...path, "fieldPath"], message: required() }];
  const conversionError = (detail: string): RuleProblem[] => [{ path: [...path, "fieldPath"], message: invalid(fieldPath, `error converting fieldPath: ${detail}`) }];
  if (apiVersion !== "v1") return conversionError(`unsupported pod version: ${apiVersion}`);
  const subscripted = splitSubscript(fieldPath);
  if (subscripted !== undefined) {
    const [base, subscript] = subscripted;
    if (base !== "metadata.annotations" && base !== "metadata.labels") return conversionError(`field label does not support subscript: ${fieldPath}`);
    const name = base === "metadata.annotations" ? subscript.toLowerCase() : subscript;
    return isQualifiedName(name).map((message) => ({ path, message: invalid(name, message) }));
  }
  if (!KNOWN_FIELD_LABELS.has(fieldPath) && fieldPath !== "spec.host") return conversionError(`field label not supported: ${fieldPath}`);
  const internal = fieldPath === "spec.host" ? "spec.nodeName" : fieldPath;
  return VOLUME_FIELD_PATHS.includes(internal) ? [] : [{ path: [...path, "fieldPath"], message: notSupported(internal, VOLUME_FIELD_PATHS) }];
}

/** validateContainerResourceFieldSelector for a volume (the container name is required). */
function resourceFieldRef(ref: PlainObject, path: FieldPath): RuleProblem[] {
  const resource = asString(ref.resource) ?? "";
  if (isEmpty(ref.containerName)) return [{ path: [...path, "containerName"], message: required() }];
  if (resource === "") return [{ path: [...path, "resource"], message: required() }];
  if (RESOURCE_FIELDS.includes(resource) || HUGEPAGES_PREFIXES.some((prefix) => resource.startsWith(prefix))) return [];
  return [{ path: [...path, "resource"], message: notSupported(resource, RESOURCE_FIELDS) }];
}

/**
 * validateDownwardAPIVolumeFile. The apiserver reports a file's problems under the downwardAPI source's path, not the
 * item's (`volumes[0].downwardAPI.path: Required value`).
 */
function downwardAPIFile(file: PlainObject, path: FieldPath): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const target = asString(file.path) ?? "";
  if (target === "") problems.push({ path: [...path, "path"], message: required() });
  problems.push(...validateLocalNonReservedPath(target, [...path, "path"]));
  const field = asObject(file.fieldRef);
  const resource = asObject(file.resourceFieldRef);
  if (field !== undefined) {
    problems.push(...fieldRef(field, [...path, "fieldRef"]));
    if (resource !== undefined) problems.push({ path, message: invalid("resource", "fieldRef and resourceFieldRef can not be specified simultaneously") });
  } else if (resource !== undefined) {
    problems.push(...resourceFieldRef(resource, [...path, "resourceFieldRef"]));
  } else {
    problems.push({ path, message: required("one of fieldRef and resourceFieldRef is required") });
  }
  problems.push(...validateFileMode(file.mode, [...path, "mode"]));
  return problems;
}

function keyToPathItems(source: PlainObject, path: FieldPath): RuleProblem[] {
  return asArray(source.items).flatMap((item, index) => {
    const object = asObject(item);
    return object === undefined ? [] : keyToPath(object, [...path, "items", index]);
  });
}

function downwardAPIItems(source: PlainObject, path: FieldPath): RuleProblem[] {
  return asArray(source.items).flatMap((item) => {
    const object = asObject(item);
    return object === undefined ? [] : downwardAPIFile(object, path);
  });
}

/** validateProjectionSources: one source type per entry, file paths unique across the projection. */
function projectionSources(projected: PlainObject, path: FieldPath): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const paths = new Set<string>();
  const claimPath = (target: unknown, value: unknown): void => {
    if (typeof target !== "string" || target === "") return;
    if (paths.has(target)) problems.push({ path, message: invalid(value, "conflicting duplicate paths") });
    paths.add(target);
  };
  asArray(projected.sources).forEach((item, index) => {
    const entry = asObject(item);
    if (entry === undefined) return;
    const sourcePath = [...path, "sources", index];
    let count = 0;
    for (const kind of ["secret", "configMap"] as const) {
      const source = asObject(entry[kind]);
      if (source === undefined) continue;
      count++;
      if (isEmpty(source.name)) problems.push({ path: [...sourcePath, kind, "name"], message: required() });
      asArray(source.items).forEach((element, itemIndex) => {
        const keyItem = asObject(element);
        if (keyItem === undefined) return;
        problems.push(...keyToPath(keyItem, [...sourcePath, kind, "items", itemIndex]));
        claimPath(keyItem.path, asString(source.name) ?? "");
      });
    }
    const downwardAPI = asObject(entry.downwardAPI);
    if (downwardAPI !== undefined) {
      count++;
      for (const element of asArray(downwardAPI.items)) {
        const file = asObject(element);
        if (file === undefined) continue;
        problems.push(...downwardAPIFile(file, [...sourcePath, "downwardAPI"]));
        claimPath(file.path, file.path);
      }
    }
    const token = asObject(entry.serviceAccountToken);
    if (token !== undefined) {
      count++;
      // SetDefaults_ServiceAccountTokenProjection: an unset expiration is one hour.
      const expiration = typeof token.expirationSeconds === "number" ? token.expirationSeconds : 3600;
      const expirationPath = [...sourcePath, "serviceAccountToken", "expirationSeconds"];
      if (expiration < 600) problems.push({ path: expirationPath, message: invalid(expiration, "may not specify a duration less than 10 minutes") });
      if (expiration > 2 ** 32) problems.push({ path: expirationPath, message: invalid(expiration, "may not specify a duration larger than 2^32 seconds") });
      const target = asString(token.path) ?? "";
      if (target === "") problems.push({ path: [...path, "path"], message: required() });
      else problems.push(...validateLocalNonReservedPath(target, [...path, "path"]));
    }
    if (count > 1) problems.push({ path: sourcePath, message: forbidden("may not specify more than 1 volume type per source") });
  });
  return problems;
}

/**
 * The files of configMap, secret, downwardAPI and projected volumes: modes between 0 and 0777, item keys and paths
 * present, paths relative and without `..`, downward API files naming one supported pod field or container resource,
 * projections with one source type per entry, unique paths and service account tokens of 10 minutes to 2^32 s.
 */
export const volumeItems: ObjectRule = {
  id: "volume-items",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "ConfigMap, secret, downward API and projected volumes have valid file modes, item keys and relative paths, and valid projections.",
  upstreamMessage: "spec.template.spec.volumes[0].configMap.items[0].path: Invalid value: \"../etc/passwd\": must not contain '..'",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path: volumePath, field, source } of podVolumes(pod.spec, pod.path)) {
      const path = [...volumePath, field];
      if (field !== "secret" && field !== "configMap" && field !== "downwardAPI" && field !== "projected") continue;
      if (isSet(source.defaultMode)) problems.push(...validateFileMode(source.defaultMode, [...path, "defaultMode"]));
      if (field === "downwardAPI") problems.push(...downwardAPIItems(source, path));
      else if (field === "projected") problems.push(...projectionSources(source, path));
      else problems.push(...keyToPathItems(source, path));
    }
    return problems;
  },
};

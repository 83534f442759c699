import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isQualifiedName, notSupported, required } from "../../../support/apiserver-validation.ts";
import { podHostIPsEnabled } from "../../../support/container-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { canonicalQuantity } from "../../../support/quantity-format.ts";
import { asArray, asObject, type PlainObject } from "../../../support/values.ts";

/** The pod fields an env var may read (`status.hostIPs` from 1.29, when the PodHostIPs gate is on by default). */
const ENV_FIELD_PATHS = ["metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.podIP", "status.podIPs"];
const ENV_FIELD_PATHS_WITH_HOST_IPS = [...ENV_FIELD_PATHS, "status.hostIPs"].sort();

/** The field labels the v1 downward API converts (a wider set than env vars may read). */
const CONVERTIBLE_LABELS: ReadonlySet<string> = new Set([
  "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.restartPolicy",
  "spec.serviceAccountName", "spec.schedulerName", "status.phase", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs",
]);

const RESOURCE_PATHS = ["limits.cpu", "limits.memory", "limits.ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage"];
const HUGEPAGES_PREFIXES = ["requests.hugepages-", "limits.hugepages-"];
const BYTE_DIVISORS: ReadonlySet<string> = new Set(["1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti", "1Pi", "1Ei"]);
const BYTE_DIVISOR_LIST = "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei";

/** `path['key']` split into the path and the key (fieldpath.SplitMaybeSubscriptedPath). */
function splitSubscript(fieldPath: string): { path: string; subscript: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const body = fieldPath.slice(0, -2);
  const at = body.indexOf("['");
  if (at <= 0) return undefined;
  return { path: body.slice(0, at), subscript: body.slice(at + 2) };
}

/** The internal field path of a v1 downward API label, or the conversion error (pods.ConvertDownwardAPIFieldLabel). */
function convertFieldLabel(apiVersion: string, label: string): { path: string } | { error: string } {
  if (apiVersion !== "v1") return { error: `unsupported pod version: ${apiVersion}` };
  const split = splitSubscript(label);
  if (split !== undefined) {
    return split.path === "metadata.annotations" || split.path === "metadata.labels" ? { path: label } : { error: `field label does not support subscript: ${label}` };
  }
  if (CONVERTIBLE_LABELS.has(label)) return { path: label };
  if (label === "spec.host") return { path: "spec.nodeName" };
  return { error: `field label not supported: ${label}` };
}

function checkFieldRef(ref: PlainObject, where: FieldPath, allowed: readonly string[], problems: RuleProblem[]): void {
  const apiVersion = typeof ref.apiVersion === "string" && ref.apiVersion !== "" ? ref.apiVersion : "v1"; // defaulted
  const fieldPath = ref.fieldPath;
  if (typeof fieldPath !== "string" || fieldPath === "") {
    problems.push({ path: [...where, "fieldPath"], message: required() });
    return;
  }
  const converted = convertFieldLabel(apiVersion, fieldPath);
  if ("error" in converted) {
    problems.push({ path: [...where, "fieldPath"], message: invalid(fieldPath, `error converting fieldPath: ${converted.error}`) });
    return;
  }
  const split = splitSubscript(converted.path);
  if (split !== undefined) {
    const key = split.path === "metadata.annotations" ? split.subscript.toLowerCase() : split.subscript;
    for (const message of isQualifiedName(key)) problems.push({ path: where, message: invalid(key, message) });
  } else if (!allowed.includes(converted.path)) {
    problems.push({ path: [...where, "fieldPath"], message: notSupported(converted.path, allowed) });
  }
}

function divisorProblem(resource: string, divisor: string): string | undefined {
  if (resource === "limits.cpu" || resource === "requests.cpu") {
    if (divisor !== "1m" && divisor !== "1") return "only divisor's values 1m and 1 are supported with the cpu resource";
  } else if (resource === "limits.memory" || resource === "requests.memory") {
    if (!BYTE_DIVISORS.has(divisor)) return `only divisor's values ${BYTE_DIVISOR_LIST} are supported with the memory resource`;
  } else if (resource === "limits.ephemeral-storage" || resource === "requests.ephemeral-storage") {
    if (!BYTE_DIVISORS.has(divisor)) return `only divisor's values ${BYTE_DIVISOR_LIST} are supported with the local ephemeral storage resource`;
  }
  if (HUGEPAGES_PREFIXES.some((p) => resource.startsWith(p)) && !BYTE_DIVISORS.has(divisor)) {
    return `only divisor's values ${BYTE_DIVISOR_LIST} are supported with the hugepages resource`;
  }
  return undefined;
}

function checkResourceFieldRef(ref: PlainObject, where: FieldPath, problems: RuleProblem[]): void {
  const resource = typeof ref.resource === "string" ? ref.resource : "";
  if (resource === "") problems.push({ path: [...where, "resource"], message: required() });
  else if (!RESOURCE_PATHS.includes(resource) && !HUGEPAGES_PREFIXES.some((p) => resource.startsWith(p))) {
    problems.push({ path: [...where, "resource"], message: notSupported(resource, [...RESOURCE_PATHS].sort()) });
  }
  const divisor = canonicalQuantity(ref.divisor);
  if (divisor === undefined || divisor === "0") return; // unset
  const problem = divisorProblem(resource, divisor);
  if (problem !== undefined) problems.push({ path: [...where, "divisor"], message: invalid(resource, problem) });
}

/**
 * An env var's downward API source is one the apiserver accepts: a `fieldRef` names a pod field env vars may read
 * (metadata.name, metadata.namespace, metadata.uid, `metadata.labels['<key>']`, `metadata.annotations['<key>']`,
 * spec.nodeName, spec.serviceAccountName, status.hostIP, status.podIP, status.podIPs; status.hostIPs from 1.29) of
 * the `v1` API; a `resourceFieldRef` names a container resource limit or request with a divisor suited to it.
 */
export const envFieldRef: ObjectRule = {
  id: "env-field-ref",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Env var fieldRefs name a pod field env vars may read, and resourceFieldRefs a container resource with a supported divisor.",
  upstreamMessage:
    'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.podIP", "status.podIPs"',
  kinds: POD_SPEC_KINDS,
  check(object, context) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    const allowed = podHostIPsEnabled(context.versions) ? ENV_FIELD_PATHS_WITH_HOST_IPS : ENV_FIELD_PATHS;
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      asArray(container.env).forEach((item, index) => {
        const valueFrom = asObject(asObject(item)?.valueFrom);
        if (valueFrom === undefined) return;
        const where = [...path, "env", index, "valueFrom"];
        const fieldRef = asObject(valueFrom.fieldRef);
        if (fieldRef !== undefined) checkFieldRef(fieldRef, [...where, "fieldRef"], allowed, problems);
        const resourceFieldRef = asObject(valueFrom.resourceFieldRef);
        if (resourceFieldRef !== undefined) checkResourceFieldRef(resourceFieldRef, [...where, "resourceFieldRef"], problems);
      });
    }
    return problems;
  },
};

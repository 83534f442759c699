/**
 * Fields several Istio kinds share, checked as istiod does: `exportTo` (VirtualService, DestinationRule,
 * ServiceEntry), workload selectors, and policy target references (AuthorizationPolicy, RequestAuthentication,
 * Telemetry).
 */
import { key, type FieldPath } from "../../field-path.ts";
import { asArray, asObject, asString, isSet, type PlainObject } from "../values.ts";
import type { Problems } from "./istio-object.ts";
import { isIstioDns1123Label, validateSelectorLabels } from "./names.ts";

/** `validateExportTo`: no duplicates (`.` is the object's namespace), `.`, `*` or namespace names (and `~` on ServiceEntries). */
export function checkExportTo(spec: PlainObject, namespace: string, problems: Problems, options: { serviceEntry?: boolean; selector?: boolean } = {}): void {
  const entries = asArray(spec.exportTo);
  if (entries.length === 0) return;
  const seen = new Set<string>();
  for (const [i, entry] of entries.entries()) {
    const value = asString(entry);
    if (value === undefined) continue;
    const path: FieldPath = ["spec", "exportTo", i];
    const entryKey = value === "." ? namespace : value;
    if (seen.has(entryKey)) {
      problems.add(path, entryKey !== value ? `duplicate entries in exportTo: . and current namespace ${namespace}` : `duplicate entries in exportTo for entry ${value}`);
    } else if (options.serviceEntry === true && value === "~") {
      seen.add(entryKey);
    } else if (entryKey === "~") {
      problems.add(path, "exportTo ~ (none) is not allowed for Istio configuration objects");
    } else if (entryKey !== "*" && !isIstioDns1123Label(entryKey)) {
      problems.add(path, "only .,*,~, or a valid DNS 1123 label is allowed as exportTo entry");
    } else {
      seen.add(entryKey);
    }
  }
  const path: FieldPath = ["spec", "exportTo"];
  if (options.selector === true && seen.size > 0) {
    if (!seen.has(namespace)) problems.add(path, "destination rule with workload selector cannot have exportTo beyond current namespace");
    else if (seen.size > 1) problems.add(path, "destination rule with workload selector cannot have multiple entries in exportTo");
  }
  if (seen.has("*") && entries.length > 1) problems.add(path, "cannot have both public (*) and non-public exportTo values for a resource");
  if (seen.has("~") && entries.length > 1) problems.add(path, "cannot export service entry to no one (~) and someone");
}

/** The label checks of a selector's label map at `path` (`spec.selector.matchLabels`, `spec.workloadSelector.labels`). */
export function checkSelectorLabels(labels: unknown, path: FieldPath, problems: Problems): void {
  for (const { key: label, message } of validateSelectorLabels(asObject(labels) ?? {})) problems.add([...path, key(label)], message);
}

const TARGET_KINDS: readonly { readonly group: string; readonly kind: string }[] = [
  { group: "core", kind: "Service" },
  { group: "networking.istio.io", kind: "ServiceEntry" },
  { group: "gateway.networking.k8s.io", kind: "Gateway" },
];

function checkTargetRef(ref: PlainObject, path: FieldPath, problems: Problems, prefix: string): void {
  if ((asString(ref.name) ?? "") === "") problems.add(path, `${prefix}targetRef name must be set`);
  if ((asString(ref.namespace) ?? "") !== "") problems.add([...path, "namespace"], `${prefix}targetRef namespace must not be set; cross namespace referencing is not supported`);
  const group = asString(ref.group) ?? "";
  const kind = asString(ref.kind) ?? "";
  const canonical = group === "" ? "core" : group;
  if (!TARGET_KINDS.some((t) => t.kind === kind && t.group === canonical)) {
    problems.add(path, `${prefix}targetRef must be to one of [core/v1/Service networking.istio.io/v1/ServiceEntry gateway.networking.k8s.io/v1/Gateway] but was ${group}/${kind}`);
  }
}

/**
 * `validateOneOfSelectorType`, `validateWorkloadSelector` and `validatePolicyTargetReference(s)`: at most one of
 * `selector`, `targetRef` and `targetRefs`; selector labels without empty keys or wildcards; each target a Service,
 * ServiceEntry or Gateway API Gateway of the policy's own namespace. `prefix` starts each message (AuthorizationPolicy
 * errors carry `invalid policy <name>.<namespace>: `).
 */
export function checkPolicyTargets(spec: PlainObject, problems: Problems, prefix = ""): void {
  const targetRefs = asArray(spec.targetRefs);
  const set = [isSet(spec.selector), isSet(spec.targetRef), targetRefs.length > 0].filter(Boolean).length;
  if (set > 1) problems.add(["spec"], `${prefix}only one of targetRefs or workloadSelector can be set`);
  const selector = asObject(spec.selector);
  if (selector !== undefined) {
    const path: FieldPath = ["spec", "selector", "matchLabels"];
    for (const { key: label, message } of validateSelectorLabels(asObject(selector.matchLabels) ?? {})) problems.add([...path, key(label)], `${prefix}${message}`);
  }
  const targetRef = asObject(spec.targetRef);
  if (targetRef !== undefined) checkTargetRef(targetRef, ["spec", "targetRef"], problems, prefix);
  for (const [i, ref] of targetRefs.entries()) {
    const target = asObject(ref);
    if (target !== undefined) checkTargetRef(target, ["spec", "targetRefs", i], problems, prefix);
  }
}

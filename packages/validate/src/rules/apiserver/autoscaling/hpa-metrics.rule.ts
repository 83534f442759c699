import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { forbidden, invalid, isDns1123Label, isQualifiedName, isValidPathSegmentName, notSupported, required } from "../../../support/apiserver-validation.ts";
import { crossVersionObjectReferenceProblems } from "../../../support/autoscaling.ts";
import { parseQuantity } from "../../../support/quantity.ts";
import { asArray, asObject, asString, type PlainObject } from "../../../support/values.ts";

/** The metric source types, sorted as the apiserver lists them. */
const SOURCE_TYPES = ["ContainerResource", "External", "Object", "Pods", "Resource"];
/** The source field of each type, in the order the apiserver looks at them. */
const SOURCE_FIELDS: readonly (readonly [string, string])[] = [
  ["Object", "object"],
  ["External", "external"],
  ["Pods", "pods"],
  ["Resource", "resource"],
  ["ContainerResource", "containerResource"],
];
const TARGET_TYPES = ["Utilization", "Value", "AverageValue"];
const isSet = (value: unknown) => value !== undefined && value !== null;

/** The sign of a quantity written as a number or a string (`undefined` when it is not a quantity). */
function quantitySign(value: unknown): number | undefined {
  if (typeof value === "number") return Math.sign(value);
  if (typeof value !== "string") return undefined;
  const quantity = parseQuantity(value);
  return quantity === undefined ? undefined : quantity.mantissa > 0n ? 1 : quantity.mantissa < 0n ? -1 : 0;
}

/** validateMetricTarget. */
function targetProblems(target: PlainObject, path: FieldPath, problems: RuleProblem[]): void {
  const type = asString(target.type) ?? "";
  if (type === "") problems.push({ path: [...path, "type"], message: required("must specify a metric target type") });
  if (!TARGET_TYPES.includes(type)) problems.push({ path: [...path, "type"], message: invalid(type, "must be either Utilization, Value, or AverageValue") });
  for (const field of ["value", "averageValue"] as const) {
    const sign = quantitySign(target[field]);
    if (sign !== undefined && sign !== 1) problems.push({ path: [...path, field], message: invalid(target[field], "must be positive") });
  }
  const utilization = target.averageUtilization;
  if (typeof utilization === "number" && utilization < 1) problems.push({ path: [...path, "averageUtilization"], message: invalid(utilization, "must be greater than 0") });
}

/** validateMetricIdentifier: a metric name that is a path segment. */
function identifierProblems(metric: PlainObject, path: FieldPath, problems: RuleProblem[]): void {
  const name = asString(metric.name) ?? "";
  if (name === "") problems.push({ path: [...path, "name"], message: required("must specify a metric name") });
  else for (const message of isValidPathSegmentName(name)) problems.push({ path: [...path, "name"], message: invalid(name, message) });
}

const STANDARD_RESOURCES: ReadonlySet<string> = new Set([
  "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
  "limits.ephemeral-storage", "pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "persistentvolumeclaims", "configmaps",
  "storage", "requests.storage", "services.nodeports", "services.loadbalancers",
]);
const CONTAINER_RESOURCES: ReadonlySet<string> = new Set(["cpu", "memory", "ephemeral-storage"]);

/** ValidateContainerResourceName (core/v1): a qualified name; a standard container resource, or an extended resource. */
function containerResourceNameProblems(name: string, path: FieldPath, problems: RuleProblem[]): void {
  const qualified = isQualifiedName(name);
  for (const message of qualified) problems.push({ path, message: invalid(name, message) });
  const unprefixed = !name.includes("/");
  if (qualified.length === 0 && unprefixed && !STANDARD_RESOURCES.has(name) && !name.startsWith("hugepages-") && !name.startsWith("requests.hugepages-")) {
    problems.push({ path, message: invalid(name, "must be a standard resource type or fully qualified") });
  }
  if (unprefixed) {
    if (!CONTAINER_RESOURCES.has(name) && !name.startsWith("hugepages-")) problems.push({ path, message: invalid(name, "must be a standard resource for containers") });
  } else if (!name.includes("kubernetes.io/") && (name.startsWith("requests.") || isQualifiedName(`requests.${name}`).length > 0)) {
    problems.push({ path, message: invalid(name, "doesn't follow extended resource name standard") });
  }
}

/** The checks of one metric source (validateObjectSource and its siblings). */
function sourceProblems(type: string, source: PlainObject, path: FieldPath, problems: RuleProblem[]): void {
  const target = asObject(source.target) ?? {};
  const targetPath = [...path, "target"];
  const hasValue = isSet(target.value);
  const hasAverageValue = isSet(target.averageValue);
  const hasUtilization = isSet(target.averageUtilization);
  if (type === "Object") {
    problems.push(...crossVersionObjectReferenceProblems(source.describedObject, [...path, "describedObject"]));
    identifierProblems(asObject(source.metric) ?? {}, [...path, "metric"], problems);
    targetProblems(target, targetPath, problems);
    if (!hasValue && !hasAverageValue) problems.push({ path: [...targetPath, "averageValue"], message: required("must set either a target value or averageValue") });
  } else if (type === "External") {
    identifierProblems(asObject(source.metric) ?? {}, [...path, "metric"], problems);
    targetProblems(target, targetPath, problems);
    if (!hasValue && !hasAverageValue) problems.push({ path: [...targetPath, "averageValue"], message: required("must set either a target value for metric or a per-pod target") });
    if (hasValue && hasAverageValue) problems.push({ path: [...targetPath, "value"], message: forbidden("may not set both a target value for metric and a per-pod target") });
  } else if (type === "Pods") {
    identifierProblems(asObject(source.metric) ?? {}, [...path, "metric"], problems);
    targetProblems(target, targetPath, problems);
    if (!hasAverageValue) problems.push({ path: [...targetPath, "averageValue"], message: required("must specify a positive target averageValue") });
  } else {
    const name = asString(source.name) ?? "";
    if (name === "") problems.push({ path: [...path, "name"], message: required("must specify a resource name") });
    else if (type === "ContainerResource") containerResourceNameProblems(name, [...path, "name"], problems);
    if (type === "ContainerResource") {
      const container = asString(source.container) ?? "";
      if (container === "") problems.push({ path: [...path, "container"], message: required("must specify a container") });
      else for (const message of isDns1123Label(container)) problems.push({ path: [...path, "container"], message: invalid(container, message) });
    }
    targetProblems(target, targetPath, problems);
    if (!hasUtilization && !hasAverageValue) problems.push({ path: [...targetPath, "averageUtilization"], message: required("must set either a target raw value or a target utilization") });
    if (hasUtilization && hasAverageValue) problems.push({ path: [...targetPath, "averageValue"], message: forbidden("may not set both a target raw value and a target utilization") });
  }
}

/** validateMetricSpec: a known type, its source and no other, and the source's own checks. */
function metricProblems(metric: PlainObject, path: FieldPath, problems: RuleProblem[]): void {
  const type = asString(metric.type) ?? "";
  if (type === "") problems.push({ path: [...path, "type"], message: required("must specify a metric source type") });
  if (!SOURCE_TYPES.includes(type)) problems.push({ path: [...path, "type"], message: notSupported(type, SOURCE_TYPES) });
  const present = SOURCE_FIELDS.filter(([, field]) => isSet(metric[field]));
  // Only the first source present is checked in depth, whatever the type says.
  const first = present[0];
  if (first !== undefined) sourceProblems(first[0], asObject(metric[first[1]]) ?? {}, [...path, first[1]], problems);
  const expected = SOURCE_FIELDS.find(([sourceType]) => sourceType === type)?.[1];
  if (expected !== undefined && !isSet(metric[expected])) problems.push({ path: [...path, expected], message: required("must populate information for the given metric source") });
  if (present.length > 1) {
    for (const [, field] of present) if (field !== expected) problems.push({ path: [...path, field], message: forbidden("must populate the given metric source only") });
  }
}

/**
 * An HPA's metrics (autoscaling/v2) each have a known type and exactly that type's source; a source names its metric
 * (a path segment) or resource, and has a target of type Utilization, Value or AverageValue with the values the source
 * needs, all positive (averageUtilization at least 1). An autoscaling/v1 `targetCPUUtilizationPercentage` is at least 1
 * (the apiserver reports it at the v2 field it converts to). The target type and the value set need not agree.
 */
export const hpaMetrics: ObjectRule = {
  id: "hpa-metrics",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "HorizontalPodAutoscaler metrics have a known type with exactly its source, a named metric or resource, and a positive target of a known type.",
  upstreamMessage: "spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0",
  kinds: new Set(["HorizontalPodAutoscaler"]),
  check(object) {
    if (object.kind !== "HorizontalPodAutoscaler" || apiGroup(object.apiVersion) !== "autoscaling") return [];
    const spec = asObject(object.object.spec);
    if (spec === undefined) return [];
    const problems: RuleProblem[] = [];
    if (object.apiVersion === "autoscaling/v1") {
      const percentage = spec.targetCPUUtilizationPercentage;
      if (typeof percentage === "number" && percentage < 1) {
        problems.push({ path: ["spec", "metrics", 0, "resource", "target", "averageUtilization"], message: invalid(percentage, "must be greater than 0") });
      }
      return problems;
    }
    asArray(spec.metrics).forEach((item, index) => {
      const metric = asObject(item);
      if (metric !== undefined) metricProblems(metric, ["spec", "metrics", index], problems);
    });
    return problems;
  },
};

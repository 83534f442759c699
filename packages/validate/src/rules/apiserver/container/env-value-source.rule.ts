import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject } from "../../../support/values.ts";

const SOURCES = ["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef"] as const;

/** An environment variable has a `value` or a `valueFrom`, not both, and a `valueFrom` names exactly one source. */
export const envValueSource: ObjectRule = {
  id: "env-value-source",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "An env var sets `value` or `valueFrom`, not both; `valueFrom` has exactly one of fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef.",
  upstreamMessage: 'spec.containers[0].env[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      asArray(container.env).forEach((item, index) => {
        const variable = asObject(item);
        const valueFrom = asObject(variable?.valueFrom);
        if (variable === undefined || valueFrom === undefined) return;
        const where = [...path, "env", index, "valueFrom"];
        const sources = SOURCES.filter((s) => valueFrom[s] !== undefined && valueFrom[s] !== null);
        // One finding at most, in the apiserver's order: no source, then a non-empty value, then several sources.
        if (sources.length === 0) {
          problems.push({ path: where, message: invalid("", "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`") });
        } else if (typeof variable.value === "string" && variable.value !== "") {
          problems.push({ path: where, message: invalid("", "may not be specified when `value` is not empty") });
        } else if (sources.length > 1) {
          problems.push({ path: where, message: invalid("", "may not have more than one field specified at a time") });
        }
      });
    }
    return problems;
  },
};

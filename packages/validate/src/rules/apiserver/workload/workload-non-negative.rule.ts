import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { asObject, at } from "../../../support/values.ts";
import { nonNegative } from "../../../support/workload-spec.ts";

/** The counts each kind's validation requires to be non-negative, in the apiserver's order. */
const FIELDS: Readonly<Record<string, readonly FieldPath[]>> = {
  Deployment: [["replicas"], ["minReadySeconds"], ["revisionHistoryLimit"], ["progressDeadlineSeconds"]],
  ReplicaSet: [["replicas"], ["minReadySeconds"]],
  StatefulSet: [["replicas"], ["minReadySeconds"], ["ordinals", "start"]],
  DaemonSet: [["minReadySeconds"], ["revisionHistoryLimit"]],
  ReplicationController: [["minReadySeconds"], ["replicas"]],
};

const TEMPLATE_GENERATION = "deprecated.daemonset.template.generation";

/**
 * Replica counts, `minReadySeconds`, revision history limits, a DaemonSet's `templateGeneration`, a StatefulSet's
 * `ordinals.start` and rolling-update `partition` are not negative (ValidateNonnegativeField). A StatefulSet's
 * `revisionHistoryLimit` is the exception: the apiserver does not check it. (A DaemonSet's templateGeneration comes
 * from its `deprecated.daemonset.template.generation` annotation.)
 */
export const workloadNonNegative: ObjectRule = {
  id: "workload-non-negative",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Workload replicas, minReadySeconds, revisionHistoryLimit, templateGeneration, ordinals.start and partition are not negative.",
  upstreamMessage: "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
  check(object) {
    const rc = object.kind === "ReplicationController";
    if (rc ? object.apiVersion !== "v1" : !object.apiVersion.startsWith("apps/")) return [];
    const fields = FIELDS[object.kind];
    const spec = asObject(object.object.spec);
    if (fields === undefined || spec === undefined) return [];
    const problems: RuleProblem[] = [];
    if (object.kind === "StatefulSet" && at(spec, "updateStrategy", "type") === "RollingUpdate") {
      problems.push(...nonNegative(at(spec, "updateStrategy", "rollingUpdate", "partition"), ["spec", "updateStrategy", "rollingUpdate", "partition"]));
    }
    for (const field of fields) problems.push(...nonNegative(at(spec, ...field), ["spec", ...field]));
    if (object.kind === "DaemonSet") {
      // apps/v1 has no templateGeneration field: the apiserver reads it from this annotation.
      const generation = at(object.object, "metadata", "annotations", TEMPLATE_GENERATION);
      if (typeof generation === "string" && /^[+-]?[0-9]+$/.test(generation)) {
        problems.push(...nonNegative(Number(generation), ["spec", "templateGeneration"]));
      }
    }
    return problems;
  },
};

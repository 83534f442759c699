import type { ObjectRule, RuleProblem } from "../../rule.ts";
import { required } from "../../support/apiserver-validation.ts";
import { containersOf, LONG_RUNNING_WORKLOADS, podSpecOf } from "../../support/pod-spec.ts";

/** Every container of a long-running workload has a readiness and a liveness probe. */
export const probesRequired: ObjectRule = {
  id: "probes-required",
  category: "policy",
  scope: "object",
  severity: "warning",
  description: "Every container of a Deployment, StatefulSet, DaemonSet, ReplicaSet or ReplicationController sets a readinessProbe and a livenessProbe.",
  kinds: LONG_RUNNING_WORKLOADS,
  check(object) {
    if (!LONG_RUNNING_WORKLOADS.has(object.kind)) return [];
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path, ["containers"])) {
      const missing = ["readinessProbe", "livenessProbe"].filter((p) => container[p] === undefined || container[p] === null);
      if (missing.length > 0) problems.push({ path: [...path, missing[0]!], message: required(`container "${String(container.name)}" must set ${missing.join(" and ")}`) });
    }
    return problems;
  },
};

import type { ObjectRule } from "../../../rule.ts";
import { forbidden, invalid } from "../../../support/apiserver-validation.ts";
import { asObject, at, isSet } from "../../../support/values.ts";


/**
 * A Deployment with the `Recreate` strategy or a StatefulSet with `OnDelete` has no `rollingUpdate`
 * (ValidateDeploymentStrategy, ValidateStatefulSetSpec): a leftover block, e.g. from an earlier apply, is rejected. A
 * DaemonSet with `OnDelete` may keep one: the apiserver ignores it. (Unknown types are the schema layer's: the
 * strategy types are enums.)
 */
export const workloadUpdateStrategy: ObjectRule = {
  id: "workload-update-strategy",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A Recreate Deployment strategy or an OnDelete StatefulSet update strategy has no rollingUpdate.",
  upstreamMessage: "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
  check(object) {
    if (!object.apiVersion.startsWith("apps/")) return [];
    const deployment = object.kind === "Deployment";
    if (!deployment && object.kind !== "StatefulSet") return [];
    const path = ["spec", deployment ? "strategy" : "updateStrategy"];
    const strategy = asObject(at(object.object, ...path));
    if (strategy === undefined || !isSet(strategy.rollingUpdate)) return [];
    const rollingUpdate = [...path, "rollingUpdate"];
    if (deployment && strategy.type === "Recreate") return [{ path: rollingUpdate, message: forbidden("may not be specified when strategy `type` is 'Recreate'") }];
    if (!deployment && strategy.type === "OnDelete") return [{ path: rollingUpdate, message: invalid(strategy.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'") }];
    return [];
  },
};

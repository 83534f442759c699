import type { ObjectRule } from "../../../rule.ts";
import { notSupported } from "../../../support/apiserver-validation.ts";
import { at } from "../../../support/values.ts";

const APPS_KINDS: ReadonlySet<string> = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"]);

/**
 * The pods of Deployments, ReplicaSets, StatefulSets, DaemonSets and ReplicationControllers run until stopped: their
 * template's `restartPolicy` is `Always` (the default when unset). Jobs are judged by `job-restart-policy`.
 */
export const workloadRestartPolicy: ObjectRule = {
  id: "workload-restart-policy",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Deployment, ReplicaSet, StatefulSet, DaemonSet and ReplicationController pod templates have restartPolicy Always.",
  upstreamMessage: "spec.template.spec.restartPolicy: Unsupported value: \"OnFailure\": supported values: \"Always\"",
  check(object) {
    const applies = object.apiVersion.startsWith("apps/") ? APPS_KINDS.has(object.kind) : object.apiVersion === "v1" && object.kind === "ReplicationController";
    if (!applies) return [];
    const policy = at(object.object, "spec", "template", "spec", "restartPolicy");
    if (policy === undefined || policy === null || policy === "" || policy === "Always") return [];
    return [{ path: ["spec", "template", "spec", "restartPolicy"], message: notSupported(policy, ["Always"]) }];
  },
};

import type { ObjectRule } from "../../../rule.ts";
import { forbidden } from "../../../support/apiserver-validation.ts";
import { at, isSet } from "../../../support/values.ts";


/** The kind each message names (a Deployment's template is validated as a ReplicaSet's). */
const MESSAGE_KIND: Readonly<Record<string, string>> = {
  Deployment: "ReplicaSet",
  ReplicaSet: "ReplicaSet",
  StatefulSet: "StatefulSet",
  DaemonSet: "DaemonSet",
};

/**
 * The pod templates of long-running workloads (Deployments, ReplicaSets, StatefulSets, DaemonSets,
 * ReplicationControllers) do not set `activeDeadlineSeconds`: their pods are not meant to end. A Job's may.
 */
export const templateActiveDeadlineSeconds: ObjectRule = {
  id: "template-active-deadline-seconds",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Deployment, ReplicaSet, StatefulSet, DaemonSet and ReplicationController pod templates do not set activeDeadlineSeconds.",
  upstreamMessage: "spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported",
  check(object) {
    const kind = object.apiVersion.startsWith("apps/") ? MESSAGE_KIND[object.kind] : object.apiVersion === "v1" && object.kind === "ReplicationController" ? object.kind : undefined;
    if (kind === undefined || !isSet(at(object.object, "spec", "template", "spec", "activeDeadlineSeconds"))) return [];
    return [{ path: ["spec", "template", "spec", "activeDeadlineSeconds"], message: forbidden(`activeDeadlineSeconds in ${kind} is not Supported`) }];
  },
};

import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { validateLabelSelector } from "../../../support/label-validation.ts";
import { asArray, asObject, at, type PlainObject } from "../../../support/values.ts";

/** One label selector of an object. */
interface Site {
  readonly selector: unknown;
  readonly path: FieldPath;
  /** Whether to check matchLabels and expression keys (false where `metadata-labels` already does). */
  readonly labels: boolean;
}

const APPS_WORKLOADS: ReadonlySet<string> = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"]);
const WEBHOOK_CONFIGURATIONS: ReadonlySet<string> = new Set(["ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"]);

/** The NetworkPolicy's pod selector and its peers' pod and namespace selectors. */
function networkPolicySites(spec: PlainObject, sites: Site[]): void {
  sites.push({ selector: spec.podSelector, path: ["spec", "podSelector"], labels: true });
  for (const [direction, peers] of [["ingress", "from"], ["egress", "to"]] as const) {
    asArray(spec[direction]).forEach((rule, ruleIndex) => {
      asArray(at(rule, peers)).forEach((peer, peerIndex) => {
        const where = ["spec", direction, ruleIndex, peers, peerIndex];
        sites.push({ selector: at(peer, "podSelector"), path: [...where, "podSelector"], labels: true });
        sites.push({ selector: at(peer, "namespaceSelector"), path: [...where, "namespaceSelector"], labels: true });
      });
    });
  }
}

/** Every label selector the apiserver validates in the object. */
function sitesOf(group: string, kind: string, object: PlainObject): Site[] {
  const sites: Site[] = [];
  const spec = asObject(object.spec);
  if (group === "apps" && APPS_WORKLOADS.has(kind)) {
    sites.push({ selector: spec?.selector, path: ["spec", "selector"], labels: false });
    if (kind === "StatefulSet") {
      asArray(spec?.volumeClaimTemplates).forEach((template, index) => {
        sites.push({ selector: at(template, "spec", "selector"), path: ["spec", "volumeClaimTemplates", index, "spec", "selector"], labels: true });
      });
    }
  }
  if (group === "batch" && kind === "Job") sites.push({ selector: spec?.selector, path: ["spec", "selector"], labels: false });
  if (group === "batch" && kind === "CronJob") sites.push({ selector: at(spec, "jobTemplate", "spec", "selector"), path: ["spec", "jobTemplate", "spec", "selector"], labels: true });
  if (group === "policy" && kind === "PodDisruptionBudget") sites.push({ selector: spec?.selector, path: ["spec", "selector"], labels: false });
  if (group === "networking.k8s.io" && kind === "NetworkPolicy" && spec !== undefined) networkPolicySites(spec, sites);
  if (group === "" && kind === "PersistentVolumeClaim") sites.push({ selector: spec?.selector, path: ["spec", "selector"], labels: true });
  if (group === "rbac.authorization.k8s.io" && kind === "ClusterRole") {
    asArray(at(object, "aggregationRule", "clusterRoleSelectors")).forEach((selector, index) => {
      sites.push({ selector, path: ["aggregationRule", "clusterRoleSelectors", index], labels: true });
    });
  }
  if (group === "admissionregistration.k8s.io" && WEBHOOK_CONFIGURATIONS.has(kind)) {
    asArray(object.webhooks).forEach((webhook, index) => {
      sites.push({ selector: at(webhook, "namespaceSelector"), path: ["webhooks", index, "namespaceSelector"], labels: true });
      sites.push({ selector: at(webhook, "objectSelector"), path: ["webhooks", index, "objectSelector"], labels: true });
    });
  }
  return sites;
}

/** The kinds that have a label selector this rule checks. */
const SELECTOR_KINDS: ReadonlySet<string> = new Set([
  ...APPS_WORKLOADS,
  "Job",
  "CronJob",
  "PodDisruptionBudget",
  "NetworkPolicy",
  "PersistentVolumeClaim",
  "ClusterRole",
  ...WEBHOOK_CONFIGURATIONS,
]);

/**
 * Every `metav1.LabelSelector` outside pod specs passes apimachinery's `ValidateLabelSelector`: workload, Job, CronJob,
 * PDB, PVC and volume claim template selectors, NetworkPolicy pod and namespace selectors, ClusterRole aggregation and
 * admission webhook selectors. Left to other rules: the selectors of pod specs (`pod-affinity`,
 * `topology-spread-constraints`, `ephemeral-volume`), and the label keys and `matchLabels` of the `spec.selector` of
 * workloads, Jobs and PDBs (`metadata-labels`).
 */
export const labelSelector: ObjectRule = {
  id: "label-selector",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description:
    "Label selectors have valid operators (In and NotIn with values, Exists and DoesNotExist without), qualified-name keys and label-value values, wherever a LabelSelector appears.",
  upstreamMessage: "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
  kinds: SELECTOR_KINDS,
  check(object) {
    if (!SELECTOR_KINDS.has(object.kind)) return [];
    const problems: RuleProblem[] = [];
    for (const site of sitesOf(apiGroup(object.apiVersion), object.kind, object.object)) {
      problems.push(...validateLabelSelector(site.selector, site.path, { labels: site.labels }));
    }
    return problems;
  },
};

/**
 * When Kubernetes' built-in API versions were introduced, deprecated and removed (the Kubernetes deprecation guide,
 * https://kubernetes.io/docs/reference/using-api/deprecation-guide/). The kind catalog says which versions exist at
 * all; this table says which of them a given Kubernetes minor serves. Policy data, not field lists: the conformance
 * check compares it with the Kubernetes 1.28 OpenAPI document.
 */
export interface KubernetesApiLifecycle {
  /** e.g. `apps/v1beta1`. */
  readonly groupVersion: string;
  /** The kinds it applies to (every kind of the group version when absent). */
  readonly kinds?: readonly string[];
  /** First minor serving it (by default, where introduced after 1.16). */
  readonly introduced?: string;
  /** Minor that deprecated it (the apiserver then warns). */
  readonly deprecated?: string;
  /** First minor no longer serving it. */
  readonly removed?: string;
  /** The group version to use instead. */
  readonly replacement?: string;
  /** What to do when there is no replacement. */
  readonly advice?: string;
}

const WORKLOADS = ["DaemonSet", "DaemonSetList", "Deployment", "DeploymentList", "DeploymentRollback", "ReplicaSet", "ReplicaSetList", "Scale"];
const withLists = (...kinds: string[]) => kinds.flatMap((k) => [k, `${k}List`]);

export const KUBERNETES_API_LIFECYCLE: readonly KubernetesApiLifecycle[] = [
  // Removed in 1.16.
  { groupVersion: "extensions/v1beta1", kinds: WORKLOADS, removed: "1.16", replacement: "apps/v1" },
  { groupVersion: "extensions/v1beta1", kinds: withLists("NetworkPolicy"), removed: "1.16", replacement: "networking.k8s.io/v1" },
  { groupVersion: "extensions/v1beta1", kinds: withLists("PodSecurityPolicy"), removed: "1.16", replacement: "policy/v1beta1" },
  { groupVersion: "apps/v1beta1", removed: "1.16", replacement: "apps/v1" },
  { groupVersion: "apps/v1beta2", removed: "1.16", replacement: "apps/v1" },
  // Removed in 1.22.
  { groupVersion: "extensions/v1beta1", kinds: withLists("Ingress"), deprecated: "1.14", removed: "1.22", replacement: "networking.k8s.io/v1" },
  { groupVersion: "networking.k8s.io/v1beta1", deprecated: "1.19", removed: "1.22", replacement: "networking.k8s.io/v1" },
  { groupVersion: "admissionregistration.k8s.io/v1beta1", deprecated: "1.16", removed: "1.22", replacement: "admissionregistration.k8s.io/v1" },
  { groupVersion: "apiextensions.k8s.io/v1beta1", deprecated: "1.16", removed: "1.22", replacement: "apiextensions.k8s.io/v1" },
  { groupVersion: "apiregistration.k8s.io/v1beta1", deprecated: "1.19", removed: "1.22", replacement: "apiregistration.k8s.io/v1" },
  { groupVersion: "authentication.k8s.io/v1beta1", deprecated: "1.19", removed: "1.22", replacement: "authentication.k8s.io/v1" },
  { groupVersion: "authorization.k8s.io/v1beta1", deprecated: "1.19", removed: "1.22", replacement: "authorization.k8s.io/v1" },
  { groupVersion: "certificates.k8s.io/v1beta1", deprecated: "1.19", removed: "1.22", replacement: "certificates.k8s.io/v1" },
  { groupVersion: "coordination.k8s.io/v1beta1", deprecated: "1.19", removed: "1.22", replacement: "coordination.k8s.io/v1" },
  { groupVersion: "rbac.authorization.k8s.io/v1beta1", deprecated: "1.17", removed: "1.22", replacement: "rbac.authorization.k8s.io/v1" },
  { groupVersion: "scheduling.k8s.io/v1beta1", deprecated: "1.14", removed: "1.22", replacement: "scheduling.k8s.io/v1" },
  {
    groupVersion: "storage.k8s.io/v1beta1",
    kinds: withLists("CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"),
    deprecated: "1.19",
    removed: "1.22",
    replacement: "storage.k8s.io/v1",
  },
  // Removed in 1.25 to 1.27.
  { groupVersion: "batch/v1beta1", deprecated: "1.21", removed: "1.25", replacement: "batch/v1" },
  { groupVersion: "discovery.k8s.io/v1beta1", deprecated: "1.21", removed: "1.25", replacement: "discovery.k8s.io/v1" },
  { groupVersion: "events.k8s.io/v1beta1", deprecated: "1.22", removed: "1.25", replacement: "events.k8s.io/v1" },
  { groupVersion: "autoscaling/v2beta1", deprecated: "1.22", removed: "1.25", replacement: "autoscaling/v2" },
  { groupVersion: "policy/v1beta1", kinds: [...withLists("PodDisruptionBudget"), "Eviction"], deprecated: "1.21", removed: "1.25", replacement: "policy/v1" },
  {
    groupVersion: "policy/v1beta1",
    kinds: withLists("PodSecurityPolicy"),
    deprecated: "1.21",
    removed: "1.25",
    advice: "use Pod Security Admission (pod-security.kubernetes.io namespace labels) instead",
  },
  { groupVersion: "node.k8s.io/v1beta1", deprecated: "1.21", removed: "1.25", replacement: "node.k8s.io/v1" },
  { groupVersion: "autoscaling/v2beta2", deprecated: "1.23", removed: "1.26", replacement: "autoscaling/v2" },
  { groupVersion: "flowcontrol.apiserver.k8s.io/v1beta1", deprecated: "1.23", removed: "1.26", replacement: "flowcontrol.apiserver.k8s.io/v1beta3" },
  { groupVersion: "storage.k8s.io/v1beta1", kinds: withLists("CSIStorageCapacity"), deprecated: "1.24", removed: "1.27", replacement: "storage.k8s.io/v1" },
  // Served by 1.28, removed later.
  { groupVersion: "flowcontrol.apiserver.k8s.io/v1beta2", introduced: "1.23", deprecated: "1.26", removed: "1.29", replacement: "flowcontrol.apiserver.k8s.io/v1beta3" },
  { groupVersion: "flowcontrol.apiserver.k8s.io/v1beta3", introduced: "1.26", deprecated: "1.29", removed: "1.32", replacement: "flowcontrol.apiserver.k8s.io/v1" },
  // Introduced (generally available) after 1.16.
  { groupVersion: "flowcontrol.apiserver.k8s.io/v1", introduced: "1.29" },
  { groupVersion: "admissionregistration.k8s.io/v1", kinds: withLists("ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding"), introduced: "1.30" },
  { groupVersion: "networking.k8s.io/v1", kinds: withLists("IPAddress", "ServiceCIDR"), introduced: "1.33" },
  { groupVersion: "authentication.k8s.io/v1", kinds: ["SelfSubjectReview"], introduced: "1.28" },
  { groupVersion: "storage.k8s.io/v1", kinds: withLists("CSIStorageCapacity"), introduced: "1.24" },
  { groupVersion: "autoscaling/v2", introduced: "1.23" },
  { groupVersion: "batch/v1", kinds: withLists("CronJob"), introduced: "1.21" },
  { groupVersion: "policy/v1", introduced: "1.21" },
  { groupVersion: "discovery.k8s.io/v1", introduced: "1.21" },
  { groupVersion: "node.k8s.io/v1", introduced: "1.20" },
  { groupVersion: "events.k8s.io/v1", introduced: "1.19" },
  { groupVersion: "networking.k8s.io/v1", kinds: withLists("Ingress", "IngressClass"), introduced: "1.19" },
  { groupVersion: "certificates.k8s.io/v1", introduced: "1.19" },
  { groupVersion: "storage.k8s.io/v1", kinds: withLists("CSIDriver"), introduced: "1.18" },
  { groupVersion: "storage.k8s.io/v1", kinds: withLists("CSINode"), introduced: "1.17" },
];

/** The lifecycle entry of a built-in kind, if the table has one. */
export function kubernetesLifecycle(groupVersion: string, kind: string): KubernetesApiLifecycle | undefined {
  return KUBERNETES_API_LIFECYCLE.find((e) => e.groupVersion === groupVersion && (e.kinds === undefined || e.kinds.includes(kind)));
}

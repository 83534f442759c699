import type { ResolvedEnvironment } from "@cloudlab/model";

/** A level of the Pod Security Standards, which Pod Security admission enforces per namespace. */
export type PodSecurityLevel = "privileged" | "baseline" | "restricted";

/** The levels, from the most to the least permissive. */
export const POD_SECURITY_LEVELS: readonly PodSecurityLevel[] = ["privileged", "baseline", "restricted"];

/** The annotation saying why a namespace is below `restricted`. */
export const POD_SECURITY_REASON_ANNOTATION = "platform.cloud-lab.io/pod-security-reason";

/** The Pod Security level of a namespace; below `restricted`, with the reason its workloads need more. */
export type NamespacePodSecurity =
  | { readonly level: "restricted" }
  | {
      readonly level: "baseline" | "privileged";
      /** Why the namespace's workloads need more than `restricted` (rendered into {@link POD_SECURITY_REASON_ANNOTATION}). */
      readonly reason: string;
    };

/** The Istio gateway pods (its `gateway` chart, and istiod's deployment of a Gateway API `Gateway`). */
const ISTIO_GATEWAY_REASON =
  "the Istio gateway pods set no seccompProfile, which restricted requires; they need nothing beyond baseline (the net.ipv4.ip_unprivileged_port_start sysctl is a baseline-safe one)";

/** The level of the ingress gateway's namespace, whatever its name (`mesh.ingress.namespace`). */
export const INGRESS_POD_SECURITY: NamespacePodSecurity = { level: "baseline", reason: ISTIO_GATEWAY_REASON };

/**
 * The strictest level each platform namespace's workloads (the add-ons of `delivery/addons.ts`, as their pinned charts
 * render them) allow. A platform namespace not listed here is `restricted`: cert-manager's, External Secrets' and Argo
 * Rollouts' pinned charts run as non-root with RuntimeDefault seccomp, no privilege escalation and every capability dropped.
 */
export const PLATFORM_POD_SECURITY: Readonly<Record<string, NamespacePodSecurity>> = {
  "istio-system": {
    level: "baseline",
    reason: `istiod (and, in a stage of several clusters, the east-west gateway) set no seccompProfile, which restricted requires; ${ISTIO_GATEWAY_REASON.slice(ISTIO_GATEWAY_REASON.indexOf("they need"))}`,
  },
  logging: { level: "privileged", reason: "fluent-bit (a DaemonSet) reads every container's logs from the node: hostPath /var/log and /var/lib/docker/containers" },
  monitoring: {
    level: "privileged",
    reason: "kube-prometheus-stack's node exporter (a DaemonSet) shares the node's network and PID namespaces and mounts its /proc, /sys and root file system",
  },
  tracing: { level: "baseline", reason: "the jaeger chart's pods set no seccompProfile, runAsNonRoot or dropped capabilities, which restricted requires; they need no host access" },
  velero: { level: "privileged", reason: "Velero's node agent (a DaemonSet) reads and writes pod volumes through the node's hostPath /var/lib/kubelet/pods, as root" },
};

/** The Pod Security level of a platform namespace. */
export function platformPodSecurity(namespace: string): NamespacePodSecurity {
  return PLATFORM_POD_SECURITY[namespace] ?? { level: "restricted" };
}

/**
 * The labels of Pod Security admission: the level enforced, warned about and audited, each pinned to the cluster's
 * Kubernetes minor version (`v1.28`), so a Kubernetes upgrade does not tighten or loosen a namespace unreviewed.
 */
export function podSecurityLabels(level: PodSecurityLevel, environment: ResolvedEnvironment): Record<string, string> {
  const version = `v${environment.versions.kubernetes}`;
  return {
    "pod-security.kubernetes.io/enforce": level,
    "pod-security.kubernetes.io/enforce-version": version,
    "pod-security.kubernetes.io/audit": level,
    "pod-security.kubernetes.io/audit-version": version,
    "pod-security.kubernetes.io/warn": level,
    "pod-security.kubernetes.io/warn-version": version,
  };
}

/** A namespace's Pod Security labels, and the annotation with its reason when it is below `restricted`. */
export function podSecurityMetadata(
  security: NamespacePodSecurity,
  environment: ResolvedEnvironment,
): { labels: Record<string, string>; annotations?: Record<string, string> } {
  const labels = podSecurityLabels(security.level, environment);
  if (security.level === "restricted") return { labels };
  return { labels, annotations: { [POD_SECURITY_REASON_ANNOTATION]: security.reason } };
}

import { apiGroup, type KindRegistry } from "../schema/kind-catalog.ts";
import { ISTIO_APIS, ISTIO_GROUPS } from "./istio-apis.ts";
import { kubernetesLifecycle } from "./kubernetes-apis.ts";
import { compareMinor, type TargetVersions } from "./target-versions.ts";

/** Whether the target versions serve an apiVersion and kind, and why not. */
export type ServedStatus =
  | { readonly served: true; readonly deprecation?: string }
  | { readonly served: false; readonly reason: string }
  | { readonly served: "unchecked" };

function noMatches(apiVersion: string, kind: string, target: string): string {
  return `no matches for kind "${kind}" in version "${apiVersion}" on ${target}`;
}

function kubernetesStatus(apiVersion: string, kind: string, versions: TargetVersions, registry: KindRegistry): ServedStatus {
  const target = `Kubernetes ${versions.kubernetes}`;
  if (registry.find(apiVersion, kind) === undefined) return { served: false, reason: noMatches(apiVersion, kind, target) };
  const entry = kubernetesLifecycle(apiVersion, kind);
  if (entry === undefined) return { served: true };
  const subject = `${apiVersion} ${kind}`;
  const instead = entry.replacement !== undefined ? `use ${entry.replacement} ${kind}` : (entry.advice ?? "");
  // The apiserver's own deprecation warning: "<gv> <Kind> is deprecated in v1.X+, unavailable in v1.Y+; use <gv> <Kind>".
  const warning = [
    `${subject} is`,
    [entry.deprecated !== undefined ? `deprecated in v${entry.deprecated}+` : "", entry.removed !== undefined ? `unavailable in v${entry.removed}+` : ""]
      .filter((s) => s !== "")
      .join(", "),
  ].join(" ");
  if (entry.introduced !== undefined && compareMinor(versions.kubernetes, entry.introduced) < 0) {
    return { served: false, reason: `${subject} is served from v${entry.introduced} (${noMatches(apiVersion, kind, target)})` };
  }
  if (entry.removed !== undefined && compareMinor(versions.kubernetes, entry.removed) >= 0) {
    return { served: false, reason: `${warning}${instead === "" ? "" : `; ${instead}`} (${noMatches(apiVersion, kind, target)})` };
  }
  if (entry.deprecated !== undefined && compareMinor(versions.kubernetes, entry.deprecated) >= 0) {
    return { served: true, deprecation: `${warning}${instead === "" ? "" : `; ${instead}`}` };
  }
  return { served: true };
}

function istioStatus(apiVersion: string, kind: string, versions: TargetVersions): ServedStatus {
  const target = `Istio ${versions.istio}`;
  const servedBy = (gv: string) =>
    ISTIO_APIS.some((a) => a.groupVersion === gv && a.kinds.includes(kind) && (a.since === undefined || compareMinor(versions.istio, a.since) >= 0));
  if (servedBy(apiVersion)) return { served: true };
  const api = ISTIO_APIS.find((a) => a.groupVersion === apiVersion && a.kinds.includes(kind));
  if (api?.since === undefined) return { served: false, reason: noMatches(apiVersion, kind, target) };
  // The newest version of the same kind the target serves.
  const group = apiGroup(apiVersion);
  const alternative = ISTIO_APIS.filter((a) => a.groupVersion.startsWith(`${group}/`) && a.groupVersion !== apiVersion && servedBy(a.groupVersion))
    .map((a) => a.groupVersion)
    .sort()
    .at(-1);
  const instead = alternative === undefined ? "" : `; use ${alternative} ${kind}`;
  return { served: false, reason: `${apiVersion} ${kind} is served from Istio ${api.since}${instead} (${noMatches(apiVersion, kind, target)})` };
}

/**
 * Whether the cluster's versions serve objects of this apiVersion and kind: Kubernetes' own groups by the Kubernetes
 * version, Istio's by the Istio version; other groups (custom resources) depend on the CRDs installed and are not
 * checked.
 */
export function servedStatus(apiVersion: string, kind: string, versions: TargetVersions, registry: KindRegistry): ServedStatus {
  const group = apiGroup(apiVersion);
  if (registry.builtinGroups.has(group)) return kubernetesStatus(apiVersion, kind, versions, registry);
  if (ISTIO_GROUPS.has(group)) return istioStatus(apiVersion, kind, versions);
  return { served: "unchecked" };
}

import { objectId, selects, type Manifest, type ObjectFinding } from "./manifest.ts";

type Destination = { host?: string; subset?: string };
type HttpRoute = { name?: string; route?: { destination?: Destination }[]; mirror?: Destination };
type VirtualServiceSpec = { http?: HttpRoute[]; tcp?: { route?: { destination?: Destination }[] }[]; gateways?: string[] };
type Subset = { name?: string; labels?: Record<string, string> };
type PodTemplate = { metadata?: { labels?: Record<string, string> } };

const WORKLOAD_KINDS = new Set(["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"]);

/** `name.namespace` of an in-cluster host (`name`, `name.ns`, `name.ns.svc`, `name.ns.svc.cluster.local`). */
function serviceKey(host: string, namespace: string): string | undefined {
  const parts = host.split(".");
  if (parts.length === 1) return `${parts[0]}.${namespace}`;
  if (parts.length === 2 || host.endsWith(".svc") || host.endsWith(".svc.cluster.local")) return `${parts[0]}.${parts[1]}`;
  return undefined; // an external host
}

/**
 * Every destination a VirtualService routes or mirrors to exists: the host is a rendered Service, the subset is
 * defined by a DestinationRule for that host, and the subset (with the Service's selector) selects the pods of a
 * rendered workload. The route name says which spec rule it came from.
 */
export function routeTargetsExist(manifests: readonly Manifest[]): ObjectFinding[] {
  const services = new Map<string, Record<string, string>>();
  const subsets = new Map<string, Map<string, Record<string, string>>>();
  const podLabels: { namespace: string; labels: Record<string, string> }[] = [];
  for (const m of manifests) {
    const namespace = m.metadata.namespace ?? "default";
    if (m.kind === "Service" && m.apiVersion === "v1") {
      services.set(`${m.metadata.name}.${namespace}`, ((m.spec as { selector?: Record<string, string> })?.selector ?? {}));
    }
    if (m.kind === "DestinationRule") {
      const spec = (m.spec ?? {}) as { host?: string; subsets?: Subset[] };
      const key = serviceKey(spec.host ?? "", namespace);
      if (key === undefined) continue;
      const byName = subsets.get(key) ?? new Map<string, Record<string, string>>();
      for (const s of spec.subsets ?? []) if (s.name !== undefined) byName.set(s.name, s.labels ?? {});
      subsets.set(key, byName);
    }
    if (WORKLOAD_KINDS.has(m.kind)) {
      const template = ((m.spec ?? {}) as { template?: PodTemplate }).template;
      podLabels.push({ namespace, labels: template?.metadata?.labels ?? {} });
    }
  }
  const findings: ObjectFinding[] = [];
  for (const m of manifests) {
    if (m.kind !== "VirtualService") continue;
    const namespace = m.metadata.namespace ?? "default";
    const spec = (m.spec ?? {}) as VirtualServiceSpec;
    const check = (where: string, destination: Destination | undefined) => {
      if (destination?.host === undefined) return;
      const key = serviceKey(destination.host, namespace);
      if (key === undefined) return;
      const selector = services.get(key);
      if (selector === undefined) {
        findings.push({ object: objectId(m), message: `${where}.host: "${destination.host}" is not a rendered Service (IST0101)` });
        return;
      }
      if (destination.subset === undefined) return;
      const labels = subsets.get(key)?.get(destination.subset);
      if (labels === undefined) {
        findings.push({ object: objectId(m), message: `${where}.subset: "${destination.subset}" is not a subset of any DestinationRule for ${destination.host} (IST0101)` });
        return;
      }
      const [, serviceNamespace] = key.split(".");
      const selected = podLabels.some((p) => p.namespace === serviceNamespace && selects(selector, p.labels) && selects(labels, p.labels));
      if (!selected) {
        findings.push({ object: objectId(m), message: `${where}.subset: "${destination.subset}" of ${destination.host} selects no pods of a rendered workload` });
      }
    };
    (spec.http ?? []).forEach((route, i) => {
      const where = `spec.http[${i}]${route.name === undefined ? "" : ` (route "${route.name}")`}`;
      (route.route ?? []).forEach((r, j) => check(`${where}.route[${j}].destination`, r.destination));
      check(`${where}.mirror`, route.mirror);
    });
    (spec.tcp ?? []).forEach((route, i) => (route.route ?? []).forEach((r, j) => check(`spec.tcp[${i}].route[${j}].destination`, r.destination)));
  }
  return findings;
}

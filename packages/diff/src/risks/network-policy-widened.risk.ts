import type { Manifest, RenderedObject } from "../rendered-object.ts";
import { at, deltaId, list, newValues, record, protectsAddedPods } from "./manifest-fields.ts";
import type { ObjectDelta, RiskFinding, RiskRule } from "./risk-rule.ts";

type Direction = "ingress" | "egress";
const DIRECTIONS: readonly { readonly direction: Direction; readonly type: string; readonly peers: string }[] = [
  { direction: "ingress", type: "Ingress", peers: "from" },
  { direction: "egress", type: "Egress", peers: "to" },
];

function labels(selector: unknown): string {
  const matchLabels = record(at(selector, "matchLabels")) ?? {};
  const parts = Object.entries(matchLabels).map(([key, value]) => `${key}=${String(value)}`);
  const expressions = list(at(selector, "matchExpressions"));
  if (expressions.length > 0) parts.push(JSON.stringify(expressions));
  return parts.length === 0 ? "(all)" : parts.join(",");
}

/** A peer in words: `pods app.kubernetes.io/name=web`, `namespaces kubernetes.io/metadata.name=x`, `ipBlock 10.0.0.0/8`. */
function peerText(peer: unknown): string {
  const parts: string[] = [];
  if (at(peer, "namespaceSelector") !== undefined) parts.push(`namespaces ${labels(at(peer, "namespaceSelector"))}`);
  if (at(peer, "podSelector") !== undefined) parts.push(`pods ${labels(at(peer, "podSelector"))}`);
  const cidr = at(peer, "ipBlock", "cidr");
  if (typeof cidr === "string") parts.push(`ipBlock ${cidr}`);
  return parts.length === 0 ? JSON.stringify(peer) : parts.join(" and ");
}

function portText(port: unknown): string {
  const number = at(port, "port");
  const end = at(port, "endPort");
  const protocol = at(port, "protocol");
  return `${number === undefined ? "any" : String(number)}${end === undefined ? "" : `-${String(end)}`}/${typeof protocol === "string" ? protocol : "TCP"}`;
}

/** What a policy allows in one direction. */
function allowed(manifest: Manifest | undefined, direction: Direction, peersKey: string) {
  const rules = list(at(manifest, "spec", direction));
  return {
    peers: rules.flatMap((rule) => list(at(rule, peersKey)).map(peerText)),
    ports: rules.flatMap((rule) => list(at(rule, "ports")).map(portText)),
    anyPeer: rules.filter((rule) => list(at(rule, peersKey)).length === 0).length,
    anyPort: rules.filter((rule) => list(at(rule, "ports")).length === 0).length,
  };
}

/** The directions a policy isolates: its policyTypes, or Ingress (plus Egress when it has egress rules) by default. */
function isolates(manifest: Manifest | undefined): Set<string> {
  const types = list(at(manifest, "spec", "policyTypes")).filter((t): t is string => typeof t === "string");
  if (types.length > 0) return new Set(types);
  return new Set(list(at(manifest, "spec", "egress")).length > 0 ? ["Ingress", "Egress"] : ["Ingress"]);
}

function sameSelector(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});
}

/** The directions a deleted policy isolated that no remaining policy of its namespace isolates for the same pods. */
function noLongerIsolated(removed: Manifest, head: readonly RenderedObject[]): string[] {
  const selector = at(removed, "spec", "podSelector");
  const remaining = head
    .map((o) => o.manifest)
    .filter((m) => m.kind === "NetworkPolicy" && m.metadata.namespace === removed.metadata.namespace)
    .filter((m) => sameSelector(at(m, "spec", "podSelector"), {}) || sameSelector(at(m, "spec", "podSelector"), selector));
  return [...isolates(removed)].filter((type) => !remaining.some((m) => isolates(m).has(type))).sort();
}

function widened(delta: ObjectDelta, deltas: readonly ObjectDelta[], head: readonly RenderedObject[]): string[] {
  if (delta.change === "removed") {
    const open = noLongerIsolated(delta.before!, head);
    return open.length === 0 ? [] : [`deleted: the pods it selected are no longer isolated (${open.join(", ")})`];
  }
  // A new service's own policy only restricts; a new policy for pods that already run is compared with allowing
  // nothing in the directions it isolates (the tenant's default deny).
  if (protectsAddedPods(delta, at(delta.after, "spec", "podSelector"), deltas)) return [];
  const reasons: string[] = [];
  const before = delta.before === undefined ? isolates(delta.after) : isolates(delta.before);
  const after = isolates(delta.after);
  for (const { direction, type, peers } of DIRECTIONS) {
    if (before.has(type) && !after.has(type)) {
      reasons.push(`no longer isolates ${direction}`);
      continue;
    }
    if (!after.has(type)) continue;
    const old = allowed(delta.before, direction, peers);
    const now = allowed(delta.after, direction, peers);
    const newPeers = newValues(old.peers, now.peers);
    if (newPeers.length > 0) reasons.push(`new ${direction} peers: ${newPeers.join(", ")}`);
    const newPorts = newValues(old.ports, now.ports);
    if (newPorts.length > 0) reasons.push(`new ${direction} ports: ${newPorts.join(", ")}`);
    if (now.anyPeer > old.anyPeer) reasons.push(`an ${direction} rule allows any peer`);
    if (now.anyPort > old.anyPort) reasons.push(`an ${direction} rule allows any port`);
  }
  return reasons.length === 0 ? [] : [reasons.join("; ")];
}

/**
 * A NetworkPolicy that lets more through: new peers or ports, a rule open to any peer or port, a direction no longer
 * isolated, or a deleted policy whose pods no other policy of the namespace isolates. A new service's own new policy
 * only restricts and is not flagged; a new policy for pods that already run counts as all new. The reasons of one
 * policy are one flag.
 */
export const networkPolicyWidened: RiskRule = {
  id: "network-policy-widened",
  description: "A NetworkPolicy lets more peers or ports through, or stops isolating pods.",
  check: ({ environments }) => {
    const out: RiskFinding[] = [];
    for (const { environment, deltas, head } of environments) {
      for (const delta of deltas) {
        if (delta.object.kind !== "NetworkPolicy" || !delta.object.apiVersion.startsWith("networking.k8s.io/")) continue;
        for (const reason of widened(delta, deltas, head)) out.push({ environment: environment.name, object: deltaId(delta), reason });
      }
    }
    return out;
  },
};

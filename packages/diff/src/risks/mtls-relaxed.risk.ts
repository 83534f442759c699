import type { Manifest } from "../rendered-object.ts";
import { at, deltaId, list, record } from "./manifest-fields.ts";
import type { ObjectDelta, RiskFinding, RiskRule } from "./risk-rule.ts";

/** The mTLS modes of a PeerAuthentication: `mtls` for the workload, `portLevelMtls[8080]` per port. */
function peerModes(manifest: Manifest | undefined): Map<string, string> {
  const modes = new Map<string, string>();
  if (manifest === undefined) return modes;
  const mode = at(manifest, "spec", "mtls", "mode");
  modes.set("mtls.mode", typeof mode === "string" ? mode : "UNSET");
  for (const [port, settings] of Object.entries(record(at(manifest, "spec", "portLevelMtls")) ?? {})) {
    const portMode = at(settings, "mode");
    modes.set(`portLevelMtls[${port}].mode`, typeof portMode === "string" ? portMode : "UNSET");
  }
  return modes;
}

/** The client TLS modes of a DestinationRule, by where they are set: the traffic policy, its ports, each subset's. */
function clientModes(manifest: Manifest | undefined): Map<string, string> {
  const modes = new Map<string, string>();
  if (manifest === undefined) return modes;
  const collect = (policy: unknown, where: string) => {
    const mode = at(policy, "tls", "mode");
    if (typeof mode === "string") modes.set(`${where}tls.mode`, mode);
    for (const setting of list(at(policy, "portLevelSettings"))) {
      const portMode = at(setting, "tls", "mode");
      if (typeof portMode === "string") modes.set(`${where}portLevelSettings[${String(at(setting, "port", "number"))}].tls.mode`, portMode);
    }
  };
  collect(at(manifest, "spec", "trafficPolicy"), "trafficPolicy.");
  for (const subset of list(at(manifest, "spec", "subsets"))) collect(at(subset, "trafficPolicy"), `subsets[${String(at(subset, "name"))}].trafficPolicy.`);
  return modes;
}

/** Relaxations between two mode maps: a secure mode that became anything else, or a new setting that is not secure. */
function relaxed(before: Map<string, string>, after: Map<string, string>, secure: string, added: boolean): string[] {
  const reasons: string[] = [];
  for (const [where, mode] of after) {
    const old = before.get(where);
    if (mode === secure || mode === "UNSET") continue;
    if (old === secure) reasons.push(`${where} ${secure} → ${mode}`);
    else if (old === undefined) reasons.push(added ? `${where} is ${mode}` : `new ${where} ${mode}`);
  }
  for (const [where, old] of before) {
    const mode = after.get(where);
    if (old === secure && (mode === undefined || mode === "UNSET")) reasons.push(`${where} ${secure} removed`);
  }
  return reasons;
}

function findings(delta: ObjectDelta): string[] {
  const added = delta.change === "added";
  switch (delta.object.kind) {
    case "PeerAuthentication":
      if (delta.change === "removed") return peerModes(delta.before).get("mtls.mode") === "STRICT" ? ["a STRICT PeerAuthentication is deleted"] : [];
      return relaxed(peerModes(delta.before), peerModes(delta.after), "STRICT", added);
    case "DestinationRule":
      if (delta.change === "removed") return [];
      return relaxed(clientModes(delta.before), clientModes(delta.after), "ISTIO_MUTUAL", added);
    default:
      return [];
  }
}

/**
 * Mutual TLS relaxed: a PeerAuthentication that is no longer STRICT (or a STRICT one deleted), or a DestinationRule
 * whose client TLS is no longer ISTIO_MUTUAL. In every environment: plaintext in dev is how it reaches prod.
 */
export const mtlsRelaxed: RiskRule = {
  id: "mtls-relaxed",
  description: "A PeerAuthentication is no longer STRICT, or a DestinationRule's TLS is no longer ISTIO_MUTUAL.",
  check: ({ environments }) => {
    const out: RiskFinding[] = [];
    for (const { environment, deltas } of environments) {
      for (const delta of deltas) {
        for (const reason of findings(delta)) out.push({ environment: environment.name, object: deltaId(delta), reason });
      }
    }
    return out;
  },
};

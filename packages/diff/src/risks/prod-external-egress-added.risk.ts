import { at, deltaId, list, newValues } from "./manifest-fields.ts";
import type { Manifest } from "../rendered-object.ts";
import type { ObjectDelta, RiskFinding, RiskRule } from "./risk-rule.ts";

/** Whether a manifest is a ServiceEntry of a service outside the mesh (Istio's default location is MESH_EXTERNAL). */
function isExternalEntry(manifest: Manifest | undefined): boolean {
  if (manifest === undefined || manifest.kind !== "ServiceEntry" || !manifest.apiVersion.startsWith("networking.istio.io/")) return false;
  const location = at(manifest, "spec", "location");
  return location === undefined || location === "MESH_EXTERNAL";
}

function hostsOf(manifest: Manifest | undefined): string[] {
  return list(at(manifest, "spec", "hosts")).filter((h): h is string => typeof h === "string");
}

/** Ports as `443/TLS`. */
function portsOf(manifest: Manifest | undefined): string[] {
  return list(at(manifest, "spec", "ports")).map((port) => {
    const protocol = at(port, "protocol");
    return `${String(at(port, "number"))}/${typeof protocol === "string" ? protocol : "unset"}`;
  });
}

/** What a production delta opens to the outside, in words; empty when it opens nothing new. */
function opened(delta: ObjectDelta): string | undefined {
  if (!isExternalEntry(delta.after)) return undefined;
  const hosts = hostsOf(delta.after);
  const ports = portsOf(delta.after);
  if (!isExternalEntry(delta.before)) return `new external egress: ${hosts.join(", ")} on ${ports.join(", ")}`;
  const reasons: string[] = [];
  const newHosts = newValues(hostsOf(delta.before), hosts);
  if (newHosts.length > 0) reasons.push(`new external hosts: ${newHosts.join(", ")}`);
  const newPorts = newValues(portsOf(delta.before), ports);
  if (newPorts.length > 0) reasons.push(`new external ports of ${hosts.join(", ")}: ${newPorts.join(", ")}`);
  return reasons.length === 0 ? undefined : reasons.join("; ");
}

/**
 * New external egress in production: a ServiceEntry outside the mesh (MESH_EXTERNAL) added, or an existing one given
 * a new host or port (or moved outside the mesh). With the mesh's outbound policy REGISTRY_ONLY such an entry is what
 * lets a workload reach the internet, so a reviewer confirms the destination; dev and staging are not flagged.
 */
export const prodExternalEgressAdded: RiskRule = {
  id: "prod-external-egress-added",
  description: "A production ServiceEntry opens a new host or port outside the mesh (new external egress).",
  check: ({ environments }) => {
    const findings: RiskFinding[] = [];
    for (const { environment, deltas } of environments) {
      if (environment.stage !== "prod") continue;
      for (const delta of deltas) {
        if (delta.change === "removed") continue;
        const reason = opened(delta);
        if (reason !== undefined) findings.push({ environment: environment.name, object: deltaId(delta), reason });
      }
    }
    return findings;
  },
};

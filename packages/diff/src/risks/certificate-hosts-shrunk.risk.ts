import type { Manifest } from "../rendered-object.ts";
import { at, deltaId, list } from "./manifest-fields.ts";
import type { RiskFinding, RiskRule } from "./risk-rule.ts";

function dnsNames(manifest: Manifest | undefined): string[] {
  return list(at(manifest, "spec", "dnsNames")).filter((name): name is string => typeof name === "string");
}

/**
 * A certificate that stops covering a host: a cert-manager Certificate whose `dnsNames` lose an entry. When it is
 * renewed, clients of that host get a certificate that does not name it, unless the host moved to another
 * Certificate of the same change. In every environment: what shrinks in staging shrinks in prod next.
 */
export const certificateHostsShrunk: RiskRule = {
  id: "certificate-hosts-shrunk",
  description: "A cert-manager Certificate no longer covers a host it covered.",
  check: ({ environments }) => {
    const findings: RiskFinding[] = [];
    for (const { environment, deltas, head } of environments) {
      // A host now covered by any Certificate of the environment's new render has moved, not gone.
      const covered = new Set(head.filter((o) => o.manifest.kind === "Certificate").flatMap((o) => dnsNames(o.manifest)));
      for (const delta of deltas) {
        if (delta.change !== "changed" || delta.object.kind !== "Certificate") continue;
        const now = new Set(dnsNames(delta.after));
        const dropped = dnsNames(delta.before).filter((host) => !now.has(host));
        if (dropped.length === 0) continue;
        const gone = dropped.filter((host) => !covered.has(host));
        const moved = dropped.filter((host) => covered.has(host));
        const parts = [
          ...(gone.length > 0 ? [`no longer covers ${gone.join(", ")}`] : []),
          ...(moved.length > 0 ? [`${moved.join(", ")} moved to another Certificate`] : []),
        ];
        findings.push({ environment: environment.name, object: deltaId(delta), reason: parts.join("; ") });
      }
    }
    return findings;
  },
};

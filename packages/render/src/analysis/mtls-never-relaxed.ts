import { objectId, type Manifest, type ObjectFinding } from "./manifest.ts";

type PeerAuthenticationSpec = { mtls?: { mode?: string }; portLevelMtls?: Record<string, { mode?: string }> };
type TlsSettings = { mode?: string };
type DestinationRuleSpec = {
  host?: string;
  trafficPolicy?: { tls?: TlsSettings; portLevelSettings?: { tls?: TlsSettings }[] };
  subsets?: { name?: string; trafficPolicy?: { tls?: TlsSettings } }[];
};

/**
 * Whether a DestinationRule's host can cover an in-mesh Service: a short name (Istio expands it into the rule's
 * namespace), `*`, a `.svc.cluster.local` name, or a wildcard of a domain that contains them (`*.cluster.local`).
 */
function coversMeshHosts(host: string): boolean {
  if (!host.includes(".") || host.endsWith(".svc.cluster.local")) return true;
  return host.startsWith("*.") && ".svc.cluster.local".endsWith(host.slice(1));
}

/**
 * Mutual TLS is never relaxed: every PeerAuthentication is STRICT (at namespace and port level), and no
 * DestinationRule to an in-mesh host uses a TLS mode other than ISTIO_MUTUAL. A guard on the rendered objects,
 * whatever produced them.
 */
export function mtlsNeverRelaxed(manifests: readonly Manifest[]): ObjectFinding[] {
  const findings: ObjectFinding[] = [];
  for (const manifest of manifests) {
    const object = objectId(manifest);
    if (manifest.kind === "PeerAuthentication" && manifest.apiVersion.startsWith("security.istio.io/")) {
      const spec = (manifest.spec ?? {}) as PeerAuthenticationSpec;
      const mode = spec.mtls?.mode;
      if (mode !== "STRICT") findings.push({ object, message: `spec.mtls.mode: ${JSON.stringify(mode ?? "unset")} relaxes mutual TLS; the platform requires STRICT` });
      for (const [port, setting] of Object.entries(spec.portLevelMtls ?? {}).sort()) {
        if (setting.mode !== "STRICT") findings.push({ object, message: `spec.portLevelMtls.${port}.mode: ${JSON.stringify(setting.mode ?? "unset")} relaxes mutual TLS; the platform requires STRICT` });
      }
    }
    if (manifest.kind === "DestinationRule" && manifest.apiVersion.startsWith("networking.istio.io/")) {
      const spec = (manifest.spec ?? {}) as DestinationRuleSpec;
      if (!coversMeshHosts(spec.host ?? "")) continue; // an external host
      const check = (path: string, tls: TlsSettings | undefined) => {
        if (tls?.mode !== undefined && tls.mode !== "ISTIO_MUTUAL") {
          findings.push({ object, message: `${path}.mode: "${tls.mode}" relaxes mutual TLS to an in-mesh host; use ISTIO_MUTUAL` });
        }
      };
      check("spec.trafficPolicy.tls", spec.trafficPolicy?.tls);
      (spec.trafficPolicy?.portLevelSettings ?? []).forEach((s, i) => check(`spec.trafficPolicy.portLevelSettings[${i}].tls`, s.tls));
      (spec.subsets ?? []).forEach((s, i) => check(`spec.subsets[${i}].trafficPolicy.tls`, s.trafficPolicy?.tls));
    }
  }
  return findings;
}

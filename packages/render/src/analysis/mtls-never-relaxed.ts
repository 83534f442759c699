import { checkManifests, defaultRegistry, ruleById, type FieldPath, type ObjectRule } from "@cloudlab/validate";
import { objectId, type Manifest, type ObjectFinding } from "./manifest.ts";

/** The gate's rule (`@cloudlab/validate`'s `mtls-never-relaxed`), which this render-time guard runs. */
const RULE = ruleById("mtls-never-relaxed") as ObjectRule;

/** `spec.portLevelMtls.8080.mode`: the dotted form render problems use. */
function dotted(path: FieldPath): string {
  return path.map((s) => (typeof s === "number" ? `[${s}]` : `.${typeof s === "object" ? s.key : s}`)).join("").replace(/^\./, "");
}

/**
 * Mutual TLS is never relaxed: every PeerAuthentication is STRICT (at namespace and port level), and no
 * DestinationRule to an in-mesh host uses a TLS mode other than ISTIO_MUTUAL. A guard on the rendered objects,
 * whatever produced them; the rule itself lives in `@cloudlab/validate`, so `cloudlab validate` checks the same.
 */
export function mtlsNeverRelaxed(manifests: readonly Manifest[]): ObjectFinding[] {
  return checkManifests(manifests, [RULE], defaultRegistry()).map((p) => ({ object: objectId(manifests[p.index]!), message: `${dotted(p.path)}: ${p.message}` }));
}

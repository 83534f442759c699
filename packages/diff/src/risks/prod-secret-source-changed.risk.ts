import type { Manifest } from "../rendered-object.ts";
import { at, deltaId, list } from "./manifest-fields.ts";
import type { RiskFinding, RiskRule } from "./risk-rule.ts";

/** Where each key of an ExternalSecret's Secret comes from: `secretKey → remote key (property)`; `dataFrom` by position. */
function sources(manifest: Manifest | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of list(at(manifest, "spec", "data"))) {
    const key = at(item, "remoteRef", "key");
    const property = at(item, "remoteRef", "property");
    if (typeof key === "string") out.set(String(at(item, "secretKey")), typeof property === "string" ? `${key} (${property})` : key);
  }
  list(at(manifest, "spec", "dataFrom")).forEach((item, index) => {
    const key = at(item, "extract", "key");
    if (typeof key === "string") out.set(`dataFrom[${index}]`, key);
  });
  return out;
}

/**
 * A production Secret read from somewhere else: an ExternalSecret whose remote key (or property) changes for a key
 * it already had. The pods get whatever is stored at the new path at the next refresh, which is right only if the
 * secret was created (and replicated to the DR region) there first.
 */
export const prodSecretSourceChanged: RiskRule = {
  id: "prod-secret-source-changed",
  description: "An ExternalSecret in production reads a key from another remote secret or property.",
  check: ({ environments }) => {
    const findings: RiskFinding[] = [];
    for (const { environment, deltas } of environments) {
      if (environment.stage !== "prod") continue;
      for (const delta of deltas) {
        if (delta.change !== "changed" || delta.object.kind !== "ExternalSecret") continue;
        const before = sources(delta.before);
        const after = sources(delta.after);
        for (const [secretKey, now] of after) {
          const old = before.get(secretKey);
          if (old !== undefined && old !== now) findings.push({ environment: environment.name, object: deltaId(delta), reason: `${secretKey} now read from ${now} (was ${old})` });
        }
      }
    }
    return findings;
  },
};

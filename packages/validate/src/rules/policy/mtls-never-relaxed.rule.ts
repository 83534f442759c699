import type { FieldPath } from "../../field-path.ts";
import { key } from "../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../rule.ts";
import { asArray, asObject, asString, at } from "../../support/values.ts";

/**
 * Whether a DestinationRule's host can cover an in-mesh Service: a short name (Istio expands it into the rule's
 * namespace), `*`, a `.svc.cluster.local` name, or a wildcard of a domain that contains them (`*.cluster.local`).
 */
function coversMeshHosts(host: string): boolean {
  if (!host.includes(".") || host.endsWith(".svc.cluster.local")) return true;
  return host.startsWith("*.") && ".svc.cluster.local".endsWith(host.slice(1));
}

/**
 * Mutual TLS is never relaxed: every PeerAuthentication is STRICT (namespace-wide and per port; UNSET inherits, so it
 * can be relaxed above), and no DestinationRule to an in-mesh host (or a wildcard covering one) sets a TLS mode other
 * than ISTIO_MUTUAL. The renderer runs this rule on every render too (`@cloudlab/render`'s `mtlsNeverRelaxed`).
 */
export const mtlsNeverRelaxed: ObjectRule = {
  id: "mtls-never-relaxed",
  category: "policy",
  scope: "object",
  severity: "error",
  description: "PeerAuthentications are STRICT at every level and DestinationRules to in-mesh hosts use ISTIO_MUTUAL.",
  check(object) {
    const problems: RuleProblem[] = [];
    if (object.kind === "PeerAuthentication" && object.apiVersion.startsWith("security.istio.io/")) {
      const mode = asString(at(object.object, "spec", "mtls", "mode"));
      if (mode !== "STRICT") problems.push({ path: ["spec", "mtls", "mode"], message: `${JSON.stringify(mode ?? "unset")} relaxes mutual TLS; the platform requires STRICT` });
      const ports = asObject(at(object.object, "spec", "portLevelMtls")) ?? {};
      for (const port of Object.keys(ports).sort()) {
        const portMode = asString(at(ports, port, "mode"));
        if (portMode !== "STRICT") {
          problems.push({ path: ["spec", "portLevelMtls", key(port), "mode"], message: `${JSON.stringify(portMode ?? "unset")} relaxes mutual TLS; the platform requires STRICT` });
        }
      }
    }
    if (object.kind === "DestinationRule" && object.apiVersion.startsWith("networking.istio.io/")) {
      if (!coversMeshHosts(asString(at(object.object, "spec", "host")) ?? "")) return problems;
      const check = (path: FieldPath, tls: unknown) => {
        const mode = asString(asObject(tls)?.mode);
        if (mode !== undefined && mode !== "ISTIO_MUTUAL") problems.push({ path: [...path, "mode"], message: `"${mode}" relaxes mutual TLS to an in-mesh host; use ISTIO_MUTUAL` });
      };
      check(["spec", "trafficPolicy", "tls"], at(object.object, "spec", "trafficPolicy", "tls"));
      asArray(at(object.object, "spec", "trafficPolicy", "portLevelSettings")).forEach((s, i) => check(["spec", "trafficPolicy", "portLevelSettings", i, "tls"], asObject(s)?.tls));
      asArray(at(object.object, "spec", "subsets")).forEach((s, i) => check(["spec", "subsets", i, "trafficPolicy", "tls"], at(s, "trafficPolicy", "tls")));
    }
    return problems;
  },
};

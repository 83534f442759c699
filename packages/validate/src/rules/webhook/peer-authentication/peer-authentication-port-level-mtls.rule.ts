import { key } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkSelectorLabels } from "../../../support/istio/policy-fields.ts";
import { asObject, isSet } from "../../../support/values.ts";

/**
 * istiod's PeerAuthentication checks: port-level mTLS only on a policy that selects workloads (not mesh- or
 * namespace-wide), never an empty map, with ports in 1–65535; selector labels without empty keys or wildcards.
 */
export const peerAuthenticationPortLevelMtls: ObjectRule = {
  id: "peer-authentication-port-level-mtls",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "PeerAuthentication port-level mTLS is set only with a workload selector, is not empty, and names ports in 1–65535; selector labels have no empty keys or wildcards.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: mesh/namespace peer authentication cannot have port level mTLS',
  kinds: new Set(["PeerAuthentication"]),
  check(object) {
    const spec = istioSpec(object, "security.istio.io", "PeerAuthentication");
    if (spec === undefined) return [];
    const problems = new Problems();
    const matchLabels = asObject(asObject(spec.selector)?.matchLabels) ?? {};
    const ports = asObject(spec.portLevelMtls);
    if (Object.keys(matchLabels).length === 0 && ports !== undefined && Object.keys(ports).length > 0) problems.add(["spec", "portLevelMtls"], "mesh/namespace peer authentication cannot have port level mTLS");
    if (isSet(spec.portLevelMtls) && ports !== undefined && Object.keys(ports).length === 0) problems.add(["spec", "portLevelMtls"], "port level mTLS, if defined, must have at least one element");
    for (const port of Object.keys(ports ?? {})) {
      const number = /^\d+$/.test(port) ? Number(port) : Number.NaN;
      if (!(number >= 1 && number <= 65535)) problems.add(["spec", "portLevelMtls", key(port)], "port must be in range 1..65535");
    }
    checkSelectorLabels(matchLabels, ["spec", "selector", "matchLabels"], problems);
    return problems.list;
  },
};

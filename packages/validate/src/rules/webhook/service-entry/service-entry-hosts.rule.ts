import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { validateWildcardDomain } from "../../../support/istio/names.ts";
import { asArray } from "../../../support/values.ts";

/** istiod's host checks of a ServiceEntry: at least one host, each a (wildcard) domain name, none just `*`. */
export const serviceEntryHosts: ObjectRule = {
  id: "service-entry-hosts",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "A ServiceEntry has at least one host, each a domain name (optionally with a wildcard first label) other than `*`.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: service entry must have at least one host',
  kinds: new Set(["ServiceEntry"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "ServiceEntry");
    if (spec === undefined) return [];
    const problems = new Problems();
    const hosts = asArray(spec.hosts);
    if (hosts.length === 0) problems.add(["spec", "hosts"], "service entry must have at least one host");
    for (const [i, host] of hosts.entries()) {
      if (typeof host !== "string") continue;
      problems.add(["spec", "hosts", i], host === "*" ? `invalid host ${host}` : validateWildcardDomain(host));
    }
    return problems.list;
  },
};

import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { invalid, isDns1123Subdomain, isWildcardDns1123Subdomain } from "../../../support/apiserver-validation.ts";
import { asArray, asObject, asString, at } from "../../../support/values.ts";

/** An Ingress's TLS hosts are DNS-1123 subdomains (or `*.` and one) and its TLS secret names DNS-1123 subdomains. */
export const ingressTls: ObjectRule = {
  id: "ingress-tls",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Ingress TLS hosts are DNS names (optionally wildcard) and TLS secret names valid Secret names.",
  upstreamMessage: "spec.tls[0].hosts[0]: Invalid value: \"*.*.example.com\": a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, … (…)",
  kinds: new Set(["Ingress"]),
  check(object) {
    if (object.kind !== "Ingress" || apiGroup(object.apiVersion) !== "networking.k8s.io") return [];
    const problems: RuleProblem[] = [];
    asArray(at(object.object, "spec", "tls")).forEach((item, tlsIndex) => {
      const tls = asObject(item);
      asArray(tls?.hosts).forEach((value, index) => {
        const host = asString(value);
        if (host === undefined) return;
        const messages = host.includes("*") ? isWildcardDns1123Subdomain(host) : isDns1123Subdomain(host);
        for (const message of messages) problems.push({ path: ["spec", "tls", tlsIndex, "hosts", index], message: invalid(host, message) });
      });
      const secretName = asString(tls?.secretName) ?? "";
      if (secretName !== "") for (const message of isDns1123Subdomain(secretName)) problems.push({ path: ["spec", "tls", tlsIndex, "secretName"], message: invalid(secretName, message) });
    });
    return problems;
  },
};

import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isDns1123Subdomain } from "../../../support/apiserver-validation.ts";
import { IP_ADDRESS_MESSAGE, parseIpSloppy } from "../../../support/ip-address.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

/** ValidateHostAliases: every host alias has an IP address and hostnames that are DNS-1123 subdomains. */
export const hostAliases: ObjectRule = {
  id: "host-aliases",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Host aliases have a valid IP address and DNS-1123 subdomain hostnames.",
  upstreamMessage: 'spec.template.spec.hostAliases[0].ip: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    asArray(pod.spec.hostAliases).forEach((item, index) => {
      const alias = asObject(item);
      if (alias === undefined) return;
      const path = [...pod.path, "hostAliases", index];
      const ip = asString(alias.ip) ?? "";
      if (parseIpSloppy(ip) === undefined) problems.push({ path: [...path, "ip"], message: invalid(ip, IP_ADDRESS_MESSAGE) });
      asArray(alias.hostnames).forEach((hostname, hostnameIndex) => {
        if (typeof hostname !== "string") return;
        for (const message of isDns1123Subdomain(hostname)) problems.push({ path: [...path, "hostnames", hostnameIndex], message: invalid(hostname, message) });
      });
    });
    return problems;
  },
};

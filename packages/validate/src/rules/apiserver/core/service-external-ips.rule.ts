import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { isValidIp, nonSpecialIpErrors } from "../../../support/ip-address.ts";
import { serviceOf } from "../../../support/service-spec.ts";
import { asArray } from "../../../support/values.ts";

/** A Service's external IPs are IP addresses, not unspecified, loopback or link-local (`ValidateNonSpecialIP`). */
export const serviceExternalIps: ObjectRule = {
  id: "service-external-ips",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Service externalIPs are valid IP addresses that are not unspecified, loopback or link-local.",
  upstreamMessage: 'spec.externalIPs[0]: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8)',
  kinds: new Set(["Service"]),
  check(object) {
    const service = serviceOf(object);
    if (service === undefined) return [];
    const problems: RuleProblem[] = [];
    asArray(service.spec.externalIPs).forEach((ip, index) => {
      if (typeof ip !== "string") return;
      const syntax = isValidIp(ip);
      for (const message of syntax.length > 0 ? syntax : nonSpecialIpErrors(ip)) problems.push({ path: ["spec", "externalIPs", index], message: invalid(ip, message) });
    });
    return problems;
  },
};

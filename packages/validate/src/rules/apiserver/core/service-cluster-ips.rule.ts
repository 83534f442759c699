import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { duplicate, invalid, notSupported, required } from "../../../support/apiserver-validation.ts";
import { isIPv6, isValidIp, parseIpSloppy } from "../../../support/ip-address.ts";
import { goStrings } from "../../../support/core-values.ts";
import { serviceOf } from "../../../support/service-spec.ts";
import { asArray } from "../../../support/values.ts";

const FAMILIES = ["IPv4", "IPv6"];

/** `Invalid value: []string{…}: detail`, the apiserver's wording for a whole list. */
function invalidList(values: readonly string[], detail: string, type = "string"): string {
  return `Invalid value: ${goStrings(values, type)}: ${detail}`;
}

/**
 * `ValidateServiceClusterIPsRelatedFields` (and the registry's IP family checks that do not depend on the cluster):
 * `clusterIPs` starts with `clusterIP`, holds valid IPs (or only `None`), at most one per family; `ipFamilies` are
 * IPv4 or IPv6 without repeats and match the cluster IPs; `ipFamilyPolicy` is not SingleStack with two IPs or
 * families.
 */
export const serviceClusterIps: ObjectRule = {
  id: "service-cluster-ips",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Service clusterIP and clusterIPs agree and hold valid IPs (or just None, at most one per IP family), and ipFamilies and ipFamilyPolicy are consistent with them.",
  upstreamMessage: 'spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
  kinds: new Set(["Service"]),
  check(object) {
    const service = serviceOf(object);
    if (service === undefined || service.type === "ExternalName") return [];
    const { spec, clusterIP, clusterIPs } = service;
    const problems: RuleProblem[] = [];
    if (clusterIP !== "") {
      if (clusterIPs.length === 0) problems.push({ path: ["spec", "clusterIPs"], message: required() });
      else if (clusterIPs[0] !== clusterIP) problems.push({ path: ["spec", "clusterIPs"], message: invalidList(clusterIPs, "first value must match `clusterIP`") });
    } else if (clusterIPs.length > 0) {
      problems.push({ path: ["spec", "clusterIPs"], message: invalidList(clusterIPs, "must be empty when `clusterIP` is not specified") });
    }
    const families = asArray(spec.ipFamilies).filter((f): f is string => typeof f === "string");
    const seen = new Set<string>();
    families.forEach((family, index) => {
      if (!FAMILIES.includes(family)) problems.push({ path: ["spec", "ipFamilies", index], message: notSupported(family, FAMILIES) });
      if (seen.has(family)) problems.push({ path: ["spec", "ipFamilies", index], message: duplicate(family) });
      seen.add(family);
    });
    const policy = spec.ipFamilyPolicy;
    let invalidIps = false;
    clusterIPs.forEach((ip, index) => {
      if (index === 0 && ip === "None") {
        if (clusterIPs.length > 1) {
          invalidIps = true;
          problems.push({ path: ["spec", "clusterIPs"], message: invalidList(clusterIPs, "'None' must be the first and only value") });
        }
        return;
      }
      const errors = isValidIp(ip);
      if (errors.length > 0) invalidIps = true;
      for (const message of errors) problems.push({ path: ["spec", "clusterIPs", index], message: invalid(ip, message) });
    });
    if (clusterIPs.length > 2) problems.push({ path: ["spec", "clusterIPs"], message: invalidList(clusterIPs, "may only hold up to 2 values") });
    if (invalidIps) return problems;
    const parsed = clusterIPs.map((ip) => parseIpSloppy(ip));
    if (clusterIPs.length > 1) {
      const dualStack = parsed.some((ip) => ip !== undefined && isIPv6(ip)) && parsed.some((ip) => ip !== undefined && !isIPv6(ip));
      if (!dualStack) problems.push({ path: ["spec", "clusterIPs"], message: invalidList(clusterIPs, "may specify no more than one IP for each IP family") });
    }
    if (!service.headless && families.length > 0) {
      parsed.forEach((ip, index) => {
        if (ip === undefined || index >= families.length) return;
        const ipv6 = isIPv6(ip);
        if (families[index] === "IPv4" && ipv6) problems.push({ path: ["spec", "clusterIPs", index], message: invalid(clusterIPs[index], `expected an IPv4 value as indicated by \`ipFamilies[${index}]\``) });
        if (families[index] === "IPv6" && !ipv6) problems.push({ path: ["spec", "clusterIPs", index], message: invalid(clusterIPs[index], `expected an IPv6 value as indicated by \`ipFamilies[${index}]\``) });
      });
    }
    // The registry (initIPFamilyFields) checks the policy once the fields above are valid.
    if (problems.length === 0 && policy === "SingleStack") {
      const ips = service.headless ? 0 : clusterIPs.length;
      if (ips === 2) problems.push({ path: ["spec", "ipFamilyPolicy"], message: invalid(policy, "must be RequireDualStack or PreferDualStack when multiple IP addresses are specified") });
      if (Math.max(families.length, ips) === 2) problems.push({ path: ["spec", "ipFamilyPolicy"], message: invalid(policy, "must be RequireDualStack or PreferDualStack when multiple IP families are specified") });
    }
    return problems;
  },
};

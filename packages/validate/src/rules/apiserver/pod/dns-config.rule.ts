import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isDns1123Subdomain, required } from "../../../support/apiserver-validation.ts";
import { goStrings } from "../../../support/core-values.ts";
import { IP_ADDRESS_MESSAGE, parseIpSloppy } from "../../../support/ip-address.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { isEmpty } from "../../../support/pod-validation.ts";
import { asArray, asObject } from "../../../support/values.ts";

const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_LIST_CHARS = 2048;

/**
 * validatePodDNSConfig: `dnsPolicy: None` needs a `dnsConfig` with at least one nameserver; a dnsConfig has at most
 * 3 nameservers, each an IP address, at most 32 search domains of at most 2048 characters in all, each a DNS
 * subdomain (a trailing dot allowed), and named options. (The dnsPolicy values themselves are the schema's.)
 */
export const dnsConfig: ObjectRule = {
  id: "dns-config",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "A pod with dnsPolicy None has a dnsConfig with nameservers; a dnsConfig has at most 3 IP nameservers, at most 32 valid search domains (2048 characters) and named options.",
  upstreamMessage: "spec.template.spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const path = [...pod.path, "dnsConfig"];
    const config = asObject(pod.spec.dnsConfig);
    const nameservers = asArray(config?.nameservers);
    if (pod.spec.dnsPolicy === "None") {
      if (config === undefined) return [{ path, message: required("must provide `dnsConfig` when `dnsPolicy` is None") }];
      if (nameservers.length === 0) return [{ path: [...path, "nameservers"], message: required("must provide at least one DNS nameserver when `dnsPolicy` is None") }];
    }
    if (config === undefined) return [];
    const problems: RuleProblem[] = [];
    if (nameservers.length > MAX_NAMESERVERS) {
      problems.push({ path: [...path, "nameservers"], message: `Invalid value: ${goStrings(nameservers.map(String))}: must not have more than ${MAX_NAMESERVERS} nameservers` });
    }
    nameservers.forEach((server, index) => {
      if (typeof server === "string" && parseIpSloppy(server) === undefined) problems.push({ path: [...path, "nameservers", index], message: invalid(server, IP_ADDRESS_MESSAGE) });
    });
    const searches = asArray(config.searches).map((s) => (typeof s === "string" ? s : String(s)));
    if (searches.length > MAX_SEARCH_PATHS) {
      problems.push({ path: [...path, "searches"], message: `Invalid value: ${goStrings(searches)}: must not have more than ${MAX_SEARCH_PATHS} search paths` });
    }
    if (searches.join(" ").length > MAX_SEARCH_LIST_CHARS) {
      problems.push({
        path: [...path, "searches"],
        message: `Invalid value: ${goStrings(searches)}: must not have more than ${MAX_SEARCH_LIST_CHARS} characters (including spaces) in the search list`,
      });
    }
    searches.forEach((search, index) => {
      const domain = search.endsWith(".") ? search.slice(0, -1) : search;
      for (const message of isDns1123Subdomain(domain)) problems.push({ path: [...path, "searches", index], message: invalid(domain, message) });
    });
    asArray(config.options).forEach((option, index) => {
      if (isEmpty(asObject(option)?.name)) problems.push({ path: [...path, "options", index], message: required("must not be empty") });
    });
    return problems;
  },
};

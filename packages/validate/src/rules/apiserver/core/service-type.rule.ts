import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { forbidden, invalid, isDns1123Subdomain, required } from "../../../support/apiserver-validation.ts";
import { serviceOf } from "../../../support/service-spec.ts";
import { asArray, asString } from "../../../support/values.ts";

/**
 * The rules of a Service's type: an ExternalName Service names a DNS-1123 subdomain (a trailing dot is allowed) and
 * sets no cluster IPs (`clusterIP` included), IP families or IP family policy; NodePort and LoadBalancer Services
 * are not headless.
 */
export const serviceType: ObjectRule = {
  id: "service-type",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "ExternalName Services have a valid externalName and no cluster IPs or IP families; NodePort and LoadBalancer Services are not headless.",
  upstreamMessage: "spec.clusterIPs: Forbidden: may not be set for ExternalName services",
  kinds: new Set(["Service"]),
  check(object) {
    const service = serviceOf(object);
    if (service === undefined) return [];
    const { spec, type } = service;
    const problems: RuleProblem[] = [];
    if ((type === "LoadBalancer" || type === "NodePort") && service.headless) {
      problems.push({ path: ["spec", "clusterIPs", 0], message: invalid("None", `may not be set to 'None' for ${type} services`) });
    }
    if (type === "ExternalName") {
      if (service.clusterIPs.length > 0) problems.push({ path: ["spec", "clusterIPs"], message: forbidden("may not be set for ExternalName services") });
      if (asArray(spec.ipFamilies).length > 0) problems.push({ path: ["spec", "ipFamilies"], message: forbidden("may not be set for ExternalName services") });
      if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) problems.push({ path: ["spec", "ipFamilyPolicy"], message: forbidden("may not be set for ExternalName services") });
      const name = (asString(spec.externalName) ?? "").replace(/\.$/, "");
      if (name === "") problems.push({ path: ["spec", "externalName"], message: required() });
      else for (const message of isDns1123Subdomain(name)) problems.push({ path: ["spec", "externalName"], message: invalid(name, message) });
    }
    return problems;
  },
};

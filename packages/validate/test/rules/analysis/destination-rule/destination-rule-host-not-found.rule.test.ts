import { destinationRuleHostNotFound } from "../../../../src/rules/analysis/destination-rule/destination-rule-host-not-found.rule.ts";
import { deployment, destinationRule, service, type Json } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const serviceEntry: Json = { apiVersion: "networking.istio.io/v1beta1", kind: "ServiceEntry", metadata: { name: "apis", namespace: "shop" }, spec: { hosts: ["*.googleapis.com"], ports: [{ number: 443, name: "https", protocol: "HTTPS" }], resolution: "DNS" } };
const message = (host: string) => `spec.host: The host ${host} defined in the DestinationRule does not match any services in the mesh. (IST0174)`;
const noSubsets = (host: string, change?: (d: Json) => void) => destinationRule((d) => { d.spec.host = host; delete d.spec.subsets; change?.(d); });

ruleTable(destinationRuleHostNotFound, {
  valid: [
    { name: "a Service by FQDN", manifests: [deployment(), service(), destinationRule()] },
    { name: "a Service by short name", manifests: [service(), noSubsets("web")] },
    { name: "a host a wildcard ServiceEntry covers", manifests: [serviceEntry, noSubsets("storage.googleapis.com")] },
    { name: "a mesh-wide wildcard host covering Services (accepted, unlike istioctl)", manifests: [service(), noSubsets("*.local", (d) => { d.metadata.namespace = "istio-system"; d.metadata.name = "default"; })] },
  ],
  invalid: [
    { name: "no such Service", manifests: [service(), noSubsets("checkout")], errors: [message("checkout")] },
    { name: "the name.namespace form is taken as a full name", manifests: [service(), noSubsets("web.shop")], errors: [message("web.shop")] },
    { name: "a short host resolves in the DestinationRule's namespace", manifests: [service(), noSubsets("web", (d) => { d.metadata.namespace = "other"; })], errors: [message("web")] },
    { name: "a wildcard host covering nothing", manifests: [service(), noSubsets("*.example.com")], errors: [message("*.example.com")] },
    {
      name: "partial input: the Service may be defined elsewhere",
      complete: false,
      manifests: [noSubsets("checkout")],
      errors: [`${message("checkout")}; the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)`],
    },
  ],
});

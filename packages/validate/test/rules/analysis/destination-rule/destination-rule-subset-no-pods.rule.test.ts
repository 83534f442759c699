import { destinationRuleSubsetNoPods } from "../../../../src/rules/analysis/destination-rule/destination-rule-subset-no-pods.rule.ts";
import { deployment, destinationRule, service, type Json } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const serviceEntry = (change?: (s: Json) => void): Json => {
  const entry: Json = { apiVersion: "networking.istio.io/v1beta1", kind: "ServiceEntry", metadata: { name: "legacy", namespace: "shop" }, spec: { hosts: ["legacy.example.com"], ports: [{ number: 80, name: "http", protocol: "HTTP" }], resolution: "STATIC" } };
  change?.(entry);
  return entry;
};
const legacyRule = destinationRule((d) => { d.metadata.name = "legacy"; d.spec.host = "legacy.example.com"; });
const message = (subset: string) => `The Subset ${subset} defined in the DestinationRule does not select any pods. Which may lead to 503 UH (NoHealthyUpstream). (IST0173)`;

ruleTable(destinationRuleSubsetNoPods, {
  valid: [
    { name: "the subset selects the Deployment's pods", manifests: [deployment(), service(), destinationRule()] },
    { name: "a subset without labels selects the Service's pods", manifests: [deployment(), service(), destinationRule((d) => { d.spec.subsets = [{ name: "all" }]; })] },
    { name: "an external host is IST0174's, not checked here", manifests: [destinationRule((d) => { d.spec.host = "api.example.com"; })] },
    { name: "a ServiceEntry's workload selector and the subset labels", manifests: [deployment(), serviceEntry((s) => { s.spec.workloadSelector = { labels: { app: "web" } }; }), legacyRule] },
    { name: "a ServiceEntry without workload selector: its inline endpoints' labels", manifests: [serviceEntry((s) => { s.spec.endpoints = [{ address: "10.0.0.1", labels: { version: "v1" } }]; }), legacyRule] },
  ],
  invalid: [
    {
      name: "a subset of a version no workload runs",
      manifests: [deployment(), service(), destinationRule((d) => { d.spec.subsets.push({ name: "v2", labels: { version: "v2" } }); })],
      errors: [`spec.subsets[1]: ${message("v2")}`],
    },
    {
      name: "pods with the version label but outside the Service's namespace (stricter than istioctl: they are not its endpoints)",
      manifests: [deployment((d) => { d.metadata.namespace = "other"; }), service(), destinationRule()],
      errors: [`spec.subsets[0]: ${message("v1")}`],
    },
    { name: "a ServiceEntry whose selected pods lack the subset labels", manifests: [deployment(), serviceEntry((s) => { s.spec.workloadSelector = { labels: { app: "web" } }; }), destinationRule((d) => { d.metadata.name = "legacy"; d.spec.host = "legacy.example.com"; d.spec.subsets = [{ name: "v3", labels: { version: "v3" } }]; })], errors: [`spec.subsets[0]: ${message("v3")}`] },
    {
      name: "partial input: the pods may be defined elsewhere",
      complete: false,
      manifests: [service(), destinationRule()],
      errors: [`spec.subsets[0]: ${message("v1")}; the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)`],
    },
  ],
});

import { destinationRuleExportTo } from "../../../../src/rules/webhook/destination-rule/destination-rule-export-to.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { dr } from "../istio-fixtures.ts";

/** A DestinationRule in `shop` with a workload selector, exported to `entries` (YAML text: a bare `.` reads as null). */
const selected = (...entries: string[]) => `apiVersion: networking.istio.io/v1beta1
kind: DestinationRule
metadata: { name: web, namespace: shop }
spec:
  host: web.shop.svc.cluster.local
  workloadSelector: { matchLabels: { app: web } }
  exportTo: [${entries.map((e) => JSON.stringify(e)).join(", ")}]
`;

ruleTable(destinationRuleExportTo, {
  valid: [
    { name: "a selector kept in its namespace", manifests: selected(".") },
    { name: "namespaces without a selector", manifests: [dr((d) => { d.spec.exportTo = ["istio-ingress", "shop"]; })] },
  ],
  invalid: [
    { name: "a selector exported elsewhere", manifests: selected("istio-ingress"), errors: ["spec.exportTo: destination rule with workload selector cannot have exportTo beyond current namespace"] },
    { name: "a selector exported twice", manifests: selected(".", "istio-ingress"), errors: ["spec.exportTo: destination rule with workload selector cannot have multiple entries in exportTo"] },
    { name: "a wildcard selector label", manifests: [dr((d) => { d.spec.workloadSelector = { matchLabels: { app: "web-*" } }; })], errors: ['spec.workloadSelector.matchLabels[app]: wildcard is not supported in selector: "app=web-*"'] },
  ],
});

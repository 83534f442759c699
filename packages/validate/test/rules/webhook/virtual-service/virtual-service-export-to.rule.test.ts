import { virtualServiceExportTo } from "../../../../src/rules/webhook/virtual-service/virtual-service-export-to.rule.ts";
import { ruleTable } from "../../rule-table.ts";

/** A VirtualService `web` in `shop` exporting to `entries` (YAML text: a bare `.` would read as null). */
const exportTo = (...entries: string[]) => `apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata: { name: web, namespace: shop }
spec:
  exportTo: [${entries.map((e) => JSON.stringify(e)).join(", ")}]
  hosts: [web.shop.svc.cluster.local]
  http:
    - route: [{ destination: { host: web.shop.svc.cluster.local } }]
`;

ruleTable(virtualServiceExportTo, {
  valid: [
    { name: ".", manifests: exportTo(".") },
    { name: "*", manifests: exportTo("*") },
    { name: ". and another namespace", manifests: exportTo(".", "istio-ingress") },
  ],
  invalid: [
    { name: "~", manifests: exportTo("~"), errors: ["spec.exportTo[0]: exportTo ~ (none) is not allowed for Istio configuration objects"] },
    { name: "an invalid namespace", manifests: exportTo("Shop_Prod"), errors: ["spec.exportTo[0]: only .,*,~, or a valid DNS 1123 label is allowed as exportTo entry"] },
    { name: "its own namespace and .", manifests: exportTo("shop", "."), errors: ["spec.exportTo[1]: duplicate entries in exportTo: . and current namespace shop"] },
    { name: "a repeated entry", manifests: exportTo(".", "shop"), errors: ["spec.exportTo[1]: duplicate entries in exportTo for entry shop"] },
    { name: "* with others", manifests: exportTo("*", "istio-ingress"), errors: ["spec.exportTo: cannot have both public (*) and non-public exportTo values for a resource"] },
  ],
});

import { serviceEntryExportTo } from "../../../../src/rules/webhook/service-entry/service-entry-export-to.rule.ts";
import { ruleTable } from "../../rule-table.ts";

const exportTo = (...entries: string[]) => `apiVersion: networking.istio.io/v1beta1
kind: ServiceEntry
metadata: { name: api, namespace: shop }
spec:
  hosts: [api.example.com]
  resolution: DNS
  ports: [{ number: 443, name: https, protocol: HTTPS }]
  exportTo: [${entries.map((e) => JSON.stringify(e)).join(", ")}]
`;

ruleTable(serviceEntryExportTo, {
  valid: [
    { name: "~ alone (visible to no one)", manifests: exportTo("~") },
    { name: ". and a namespace", manifests: exportTo(".", "istio-egress") },
  ],
  invalid: [
    { name: "~ with others", manifests: exportTo("~", "."), errors: ["spec.exportTo: cannot export service entry to no one (~) and someone"] },
    { name: "a duplicate", manifests: exportTo("istio-egress", "istio-egress"), errors: ["spec.exportTo[1]: duplicate entries in exportTo for entry istio-egress"] },
  ],
});

import { networkPolicyTypes } from "../../../../src/rules/apiserver/networking/network-policy-types.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { networkPolicy } from "./fixtures.ts";

const types = (policyTypes: string[]) => networkPolicy((n) => { n.spec.policyTypes = policyTypes; });

ruleTable(networkPolicyTypes, {
  valid: [
    { name: "Ingress and Egress", manifests: [networkPolicy()] },
    { name: "left to the default", manifests: [networkPolicy((n) => { delete n.spec.policyTypes; })] },
    { name: "one type", manifests: [types(["Egress"])] },
    { name: "a repeated type is not looked for (the apiserver accepts it)", manifests: [types(["Ingress", "Ingress"])] },
  ],
  invalid: [
    { name: "three types", manifests: [types(["Ingress", "Egress", "Ingress"])], errors: ['spec.policyTypes: Invalid value: ["Ingress","Egress","Ingress"]: may not specify more than two policyTypes'] },
  ],
});

import { pdbBudget } from "../../../../src/rules/apiserver/policy/pdb-budget.rule.ts";
import { pdb } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(pdbBudget, {
  valid: [
    { name: "maxUnavailable", manifests: [pdb()] },
    { name: "minAvailable as a percentage", manifests: [pdb((p) => { delete p.spec.maxUnavailable; p.spec.minAvailable = "50%"; })] },
  ],
  invalid: [
    { name: "both", manifests: [pdb((p) => { p.spec.minAvailable = 1; })], errors: ['spec: Invalid value: {"minAvailable":1,"maxUnavailable":1}: minAvailable and maxUnavailable cannot be both set'] },
    { name: "a percentage above 100", manifests: [pdb((p) => { p.spec.maxUnavailable = "150%"; })], errors: ['spec.maxUnavailable: Invalid value: "150%": must not be greater than 100%'] },
  ],
});

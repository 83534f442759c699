import { pdbBudget } from "../../../../src/rules/apiserver/policy/pdb-budget.rule.ts";
import { pdb } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const PERCENT = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

ruleTable(pdbBudget, {
  valid: [
    { name: "maxUnavailable", manifests: [pdb()] },
    { name: "minAvailable as a percentage", manifests: [pdb((p) => { delete p.spec.maxUnavailable; p.spec.minAvailable = "50%"; })] },
    { name: "100% and 0", manifests: [pdb((p) => { p.spec.maxUnavailable = "100%"; }), pdb((p) => { p.metadata.name = "zero"; p.spec.maxUnavailable = 0; })] },
    { name: "neither (no disruption allowed for unmanaged pods)", manifests: [pdb((p) => { delete p.spec.maxUnavailable; })] },
  ],
  invalid: [
    { name: "both", manifests: [pdb((p) => { p.spec.minAvailable = 1; })], errors: ['spec: Invalid value: {"minAvailable":1,"maxUnavailable":1}: minAvailable and maxUnavailable cannot be both set'] },
    { name: "a percentage above 100", manifests: [pdb((p) => { p.spec.maxUnavailable = "150%"; })], errors: ['spec.maxUnavailable: Invalid value: "150%": must not be greater than 100%'] },
    { name: "a negative number", manifests: [pdb((p) => { p.spec.maxUnavailable = -1; })], errors: ["spec.maxUnavailable: Invalid value: -1: must be greater than or equal to 0"] },
    { name: "a quoted number is not a percentage", manifests: [pdb((p) => { delete p.spec.maxUnavailable; p.spec.minAvailable = "2"; })], errors: [`spec.minAvailable: Invalid value: "2": ${PERCENT}`] },
    { name: "a fractional percentage", manifests: [pdb((p) => { p.spec.maxUnavailable = "12.5%"; })], errors: [`spec.maxUnavailable: Invalid value: "12.5%": ${PERCENT}`] },
  ],
});

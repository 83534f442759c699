import { pdbSelectsNoPods } from "../../../../src/rules/analysis/kubernetes/pdb-selects-no-pods.rule.ts";
import { deployment, pdb } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(pdbSelectsNoPods, {
  valid: [
    { name: "the Deployment's pods", manifests: [deployment(), pdb()] },
    { name: "by expression", manifests: [deployment(), pdb((p) => { p.spec.selector = { matchExpressions: [{ key: "app", operator: "Exists" }] }; })] },
  ],
  invalid: [
    { name: "labels no pod has", manifests: [deployment(), pdb((p) => { p.spec.selector.matchLabels = { "app.kubernetes.io/name": "checkout" }; })], errors: ['spec.selector: selects no pods of any workload in namespace "shop"'] },
    { name: "partial input: the budget on its own", complete: false, manifests: [pdb()], errors: ['spec.selector: selects no pods of any workload in namespace "shop"; the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)'] },
  ],
});

import { scaleTargetNotFound } from "../../../../src/rules/analysis/kubernetes/scale-target-not-found.rule.ts";
import { deployment, hpa, statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(scaleTargetNotFound, {
  valid: [
    { name: "the Deployment", manifests: [deployment(), hpa()] },
    { name: "a StatefulSet", manifests: [statefulSet(), hpa((h) => { h.spec.scaleTargetRef = { apiVersion: "apps/v1", kind: "StatefulSet", name: "db" }; })] },
  ],
  invalid: [
    { name: "a missing Deployment", manifests: [deployment(), hpa((h) => { h.spec.scaleTargetRef.name = "checkout"; })], errors: ['spec.scaleTargetRef.name: Referenced Deployment "checkout" (apps/v1) not found in namespace "shop"'] },
    { name: "the right name, the wrong kind", manifests: [deployment(), hpa((h) => { h.spec.scaleTargetRef.kind = "StatefulSet"; })], errors: ['spec.scaleTargetRef.name: Referenced StatefulSet "web" (apps/v1) not found in namespace "shop"'] },
    { name: "partial input: a warning that the target is not among the files", complete: false, manifests: [hpa()], errors: ['spec.scaleTargetRef.name: Referenced Deployment "web" (apps/v1) not found in namespace "shop'+'"; the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)'] },
  ],
});

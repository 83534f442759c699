import { serviceSelectsNoPods } from "../../../../src/rules/analysis/kubernetes/service-selects-no-pods.rule.ts";
import { deployment, service, statefulSet } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(serviceSelectsNoPods, {
  valid: [
    { name: "a Deployment's pods", manifests: [deployment(), service()] },
    { name: "a StatefulSet's pods", manifests: [statefulSet(), service((s) => { s.metadata.name = "db"; s.spec.selector = { app: "db" }; })] },
    { name: "a Service without a selector (manual endpoints)", manifests: [service((s) => { delete s.spec.selector; })] },
  ],
  invalid: [
    { name: "no pods with those labels", manifests: [deployment(), service((s) => { s.spec.selector = { "app.kubernetes.io/name": "checkout" }; })], errors: ['spec.selector: selects no pods of any workload in namespace "shop"'] },
    { name: "pods in another namespace", manifests: [deployment(), service((s) => { s.metadata.namespace = "default"; })], errors: ['spec.selector: selects no pods of any workload in namespace "default"'] },
    { name: "partial input: the Service on its own", complete: false, manifests: [service()], errors: ['spec.selector: selects no pods of any workload in namespace "shop"; the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)'] },
  ],
});

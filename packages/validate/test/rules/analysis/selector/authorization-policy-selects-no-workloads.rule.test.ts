import { authorizationPolicySelectsNoWorkloads } from "../../../../src/rules/analysis/selector/authorization-policy-selects-no-workloads.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const injected = (name = "shop") => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { "istio-injection": "enabled" } } });
const policy = (selector?: object, namespace = "shop") => ({
  apiVersion: "security.istio.io/v1beta1",
  kind: "AuthorizationPolicy",
  metadata: { name: "web", namespace },
  spec: { ...(selector === undefined ? {} : { selector }), action: "ALLOW", rules: [{ to: [{ operation: { methods: ["GET"] } }] }] },
});

ruleTable(authorizationPolicySelectsNoWorkloads, {
  valid: [
    { name: "a selector matching an in-mesh workload", manifests: [injected(), deployment(), policy({ matchLabels: { app: "web" } })] },
    { name: "a namespace-wide policy in a namespace with in-mesh pods", manifests: [injected(), deployment(), policy()] },
    { name: "a selector-less policy in the root namespace applies mesh-wide", manifests: [policy(undefined, "istio-system")] },
    { name: "a root-namespace selector matches pods of any namespace", manifests: [injected(), deployment(), policy({ matchLabels: { app: "web" } }, "istio-system")] },
    { name: "a pod template labelled for injection", manifests: [deployment((d) => { d.spec.template.metadata.labels["sidecar.istio.io/inject"] = "true"; }), policy({ matchLabels: { app: "web" } })] },
  ],
  invalid: [
    { name: "a selector matching no pod", manifests: [injected(), deployment(), policy({ matchLabels: { app: "checkout", tier: "web" } })], errors: ["spec.selector: No matching workloads for this resource with the following labels: app=checkout,tier=web (IST0127)"] },
    { name: "the matching pods are not in the mesh", manifests: [deployment(), policy({ matchLabels: { app: "web" } })], errors: ["spec.selector: No matching workloads for this resource with the following labels: app=web (IST0127)"] },
    { name: "a namespace-wide policy in a namespace without in-mesh pods", manifests: [injected("other"), deployment(), policy(undefined, "other")], errors: ["spec: No matching workloads for this resource with the following labels:  (IST0127)"] },
    {
      name: "partial input",
      complete: false,
      manifests: [policy({ matchLabels: { app: "web" } })],
      errors: ["spec.selector: No matching workloads for this resource with the following labels: app=web (IST0127); the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)"],
    },
  ],
});

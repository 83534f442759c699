import { sidecarSelectorNoWorkload } from "../../../../src/rules/analysis/sidecar/sidecar-selector-no-workload.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const sidecar = (labels?: Record<string, string>, namespace = "shop") => ({
  apiVersion: "networking.istio.io/v1beta1",
  kind: "Sidecar",
  metadata: { name: "web", namespace },
  spec: { ...(labels === undefined ? {} : { workloadSelector: { labels } }), egress: [{ hosts: ["./*", "istio-system/*"] }] },
});

ruleTable(sidecarSelectorNoWorkload, {
  valid: [
    { name: "labels of a workload of the namespace", manifests: [deployment(), sidecar({ app: "web", version: "v1" })] },
    { name: "a namespace-wide Sidecar (no workload selector) is not checked", manifests: [sidecar(undefined, "empty")] },
    { name: "empty labels are namespace-wide too", manifests: [sidecar({}, "empty")] },
  ],
  invalid: [
    { name: "no pod with the labels", manifests: [deployment(), sidecar({ version: "v2", app: "web" })], errors: ['spec.workloadSelector.labels: Referenced selector not found: "app=web,version=v2" (IST0101)'] },
    { name: "the workload is in another namespace", manifests: [deployment(), sidecar({ app: "web" }, "other")], errors: ['spec.workloadSelector.labels: Referenced selector not found: "app=web" (IST0101)'] },
    {
      name: "partial input",
      complete: false,
      manifests: [sidecar({ app: "web" })],
      errors: ['spec.workloadSelector.labels: Referenced selector not found: "app=web" (IST0101); the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)'],
    },
  ],
});

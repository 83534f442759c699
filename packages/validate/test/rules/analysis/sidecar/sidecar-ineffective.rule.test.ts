import { sidecarIneffective } from "../../../../src/rules/analysis/sidecar/sidecar-ineffective.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const sidecar = (name: string, labels?: Record<string, string>) => ({
  apiVersion: "networking.istio.io/v1beta1",
  kind: "Sidecar",
  metadata: { name, namespace: "shop" },
  spec: { ...(labels === undefined ? {} : { workloadSelector: { labels } }), egress: [{ hosts: ["./*"] }] },
});
const namespace = (labels: Record<string, string>) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name: "shop", labels } });
const ambientWeb = deployment((d) => { d.spec.template.metadata.annotations = { "ambient.istio.io/redirection": "enabled" }; });

ruleTable(sidecarIneffective, {
  valid: [
    { name: "a sidecar-injected namespace", manifests: [namespace({ "istio-injection": "enabled" }), deployment(), sidecar("default"), sidecar("web", { app: "web" })] },
    { name: "an ambient label with a revision label is not ambient", manifests: [namespace({ "istio.io/dataplane-mode": "ambient", "istio.io/rev": "canary" }), sidecar("default")] },
    { name: "a selecting Sidecar in an ambient namespace whose pods are not annotated", manifests: [namespace({ "istio.io/dataplane-mode": "ambient" }), deployment(), sidecar("web", { app: "web" })] },
  ],
  invalid: [
    { name: "a namespace-wide Sidecar in an ambient namespace", manifests: [namespace({ "istio.io/dataplane-mode": "ambient" }), sidecar("default")], errors: ["metadata.name: The policy has no impact: namespace is in ambient mode, the policy has no impact. (IST0167)"] },
    { name: "a Sidecar selecting a pod in ambient mode", manifests: [ambientWeb, sidecar("web", { app: "web" })], errors: ["spec.workloadSelector.labels: The policy has no impact: selected workload is in ambient mode, the policy has no impact. (IST0167)"] },
  ],
});

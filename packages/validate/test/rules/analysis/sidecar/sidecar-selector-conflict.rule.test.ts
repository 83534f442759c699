import { sidecarSelectorConflict } from "../../../../src/rules/analysis/sidecar/sidecar-selector-conflict.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const sidecar = (name: string, labels?: Record<string, string>) => ({
  apiVersion: "networking.istio.io/v1beta1",
  kind: "Sidecar",
  metadata: { name, namespace: "shop" },
  spec: { ...(labels === undefined ? {} : { workloadSelector: { labels } }), egress: [{ hosts: ["./*"] }] },
});
const ambientWeb = deployment((d) => { d.spec.template.metadata.annotations = { "ambient.istio.io/redirection": "enabled" }; });

ruleTable(sidecarSelectorConflict, {
  valid: [
    { name: "Sidecars selecting different workloads", manifests: [deployment(), deployment((d) => { d.metadata.name = "api"; d.spec.template.metadata.labels = { app: "api" }; }), sidecar("web", { app: "web" }), sidecar("api", { app: "api" })] },
    { name: "a namespace-wide Sidecar beside a selecting one", manifests: [deployment(), sidecar("default"), sidecar("web", { app: "web" })] },
    { name: "pods in ambient mode run no sidecar (IST0167's)", manifests: [ambientWeb, sidecar("a", { app: "web" }), sidecar("b", { version: "v1" })] },
  ],
  invalid: [
    {
      name: "two Sidecars selecting the same workload",
      manifests: [deployment(), sidecar("web-b", { app: "web" }), sidecar("web-a", { version: "v1" })],
      errors: [
        'spec.workloadSelector.labels: The Sidecars [web-a web-b] in namespace "shop" select the same workload pod "web", which can lead to undefined behavior. (IST0110)',
        'spec.workloadSelector.labels: The Sidecars [web-a web-b] in namespace "shop" select the same workload pod "web", which can lead to undefined behavior. (IST0110)',
      ],
    },
  ],
});

import { sidecarMultipleNamespaceWide } from "../../../../src/rules/analysis/sidecar/sidecar-multiple-namespace-wide.rule.ts";
import { ruleTable } from "../../rule-table.ts";

const sidecar = (name: string, namespace = "shop", labels?: Record<string, string>) => ({
  apiVersion: "networking.istio.io/v1beta1",
  kind: "Sidecar",
  metadata: { name, namespace },
  spec: { ...(labels === undefined ? {} : { workloadSelector: { labels } }), egress: [{ hosts: ["./*"] }] },
});
const namespace = (name: string, labels: Record<string, string>) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels } });

ruleTable(sidecarMultipleNamespaceWide, {
  valid: [
    { name: "one namespace-wide Sidecar per namespace", manifests: [sidecar("default"), sidecar("default", "other")] },
    { name: "Sidecars with workload selectors", manifests: [sidecar("default"), sidecar("web", "shop", { app: "web" })] },
    { name: "a namespace in ambient mode (IST0167's)", manifests: [namespace("shop", { "istio.io/dataplane-mode": "ambient" }), sidecar("a"), sidecar("b")] },
  ],
  invalid: [
    {
      name: "two namespace-wide Sidecars (one with empty labels)",
      manifests: [sidecar("b"), sidecar("a", "shop", {})],
      errors: [
        'metadata.name: The Sidecars [a b] in namespace "shop" have no workload selector, which can lead to undefined behavior. (IST0111)',
        'metadata.name: The Sidecars [a b] in namespace "shop" have no workload selector, which can lead to undefined behavior. (IST0111)',
      ],
    },
    {
      name: "an ambient label overridden by istio-injection=enabled",
      manifests: [namespace("shop", { "istio.io/dataplane-mode": "ambient", "istio-injection": "enabled" }), sidecar("a"), sidecar("b")],
      errors: [
        'metadata.name: The Sidecars [a b] in namespace "shop" have no workload selector, which can lead to undefined behavior. (IST0111)',
        'metadata.name: The Sidecars [a b] in namespace "shop" have no workload selector, which can lead to undefined behavior. (IST0111)',
      ],
    },
  ],
});

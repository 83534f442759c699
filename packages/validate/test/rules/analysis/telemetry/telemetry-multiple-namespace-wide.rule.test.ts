import { telemetryMultipleNamespaceWide } from "../../../../src/rules/analysis/telemetry/telemetry-multiple-namespace-wide.rule.ts";
import { ruleTable } from "../../rule-table.ts";

const telemetry = (name: string, extra: object = {}, namespace = "shop") => ({
  apiVersion: "telemetry.istio.io/v1alpha1",
  kind: "Telemetry",
  metadata: { name, namespace },
  spec: { tracing: [{ randomSamplingPercentage: 10 }], ...extra },
});

ruleTable(telemetryMultipleNamespaceWide, {
  valid: [
    { name: "one namespace-wide Telemetry per namespace", manifests: [telemetry("tracing"), telemetry("tracing", {}, "istio-system")] },
    { name: "an empty selector is a selector (istioctl checks for none)", manifests: [telemetry("a"), telemetry("b", { selector: {} })] },
    { name: "a Telemetry attached by targetRef is not namespace-wide", manifests: [telemetry("a"), telemetry("b", { targetRef: { group: "gateway.networking.k8s.io", kind: "Gateway", name: "platform" } })] },
  ],
  invalid: [
    {
      name: "two Telemetries without selector in a namespace",
      manifests: [telemetry("tracing"), telemetry("access-logs")],
      errors: [
        'metadata.name: The Telemetries [access-logs tracing] in namespace "shop" have no workload selector, which can lead to undefined behavior. (IST0160)',
        'metadata.name: The Telemetries [access-logs tracing] in namespace "shop" have no workload selector, which can lead to undefined behavior. (IST0160)',
      ],
    },
  ],
});

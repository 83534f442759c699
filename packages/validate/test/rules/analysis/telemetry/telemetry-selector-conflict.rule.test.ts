import { telemetrySelectorConflict } from "../../../../src/rules/analysis/telemetry/telemetry-selector-conflict.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const telemetry = (name: string, matchLabels?: Record<string, string>) => ({
  apiVersion: "telemetry.istio.io/v1alpha1",
  kind: "Telemetry",
  metadata: { name, namespace: "shop" },
  spec: { ...(matchLabels === undefined ? {} : { selector: { matchLabels } }), tracing: [{ randomSamplingPercentage: 10 }] },
});

ruleTable(telemetrySelectorConflict, {
  valid: [
    { name: "a namespace-wide Telemetry and a selecting one", manifests: [deployment(), telemetry("tracing"), telemetry("web", { app: "web" })] },
    { name: "Telemetries selecting different workloads", manifests: [deployment(), telemetry("web", { app: "web" }), telemetry("api", { app: "api" })] },
  ],
  invalid: [
    {
      name: "two Telemetries selecting the same workload",
      manifests: [deployment(), telemetry("web-tracing", { app: "web" }), telemetry("web-logs", { version: "v1" })],
      errors: [
        'spec.selector.matchLabels: The Telemetries [web-logs web-tracing] in namespace "shop" select the same workload pod "web", which can lead to undefined behavior. (IST0159)',
        'spec.selector.matchLabels: The Telemetries [web-logs web-tracing] in namespace "shop" select the same workload pod "web", which can lead to undefined behavior. (IST0159)',
      ],
    },
  ],
});

import { telemetrySelectorNoWorkload } from "../../../../src/rules/analysis/telemetry/telemetry-selector-no-workload.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const telemetry = (name: string, selector?: object, namespace = "shop") => ({
  apiVersion: "telemetry.istio.io/v1alpha1",
  kind: "Telemetry",
  metadata: { name, namespace },
  spec: { ...(selector === undefined ? {} : { selector }), tracing: [{ randomSamplingPercentage: 10 }] },
});

ruleTable(telemetrySelectorNoWorkload, {
  valid: [
    { name: "matchLabels of a workload of the namespace", manifests: [deployment(), telemetry("web", { matchLabels: { "app.kubernetes.io/name": "web" } })] },
    { name: "no selector, or no matchLabels: namespace-wide, not checked", manifests: [telemetry("a"), telemetry("b", {}, "other")] },
  ],
  invalid: [
    { name: "no pod with the labels", manifests: [deployment(), telemetry("web", { matchLabels: { app: "checkout" } })], errors: ['spec.selector.matchLabels: Referenced selector not found: "app=checkout" (IST0101)'] },
    {
      name: "partial input",
      complete: false,
      manifests: [telemetry("web", { matchLabels: { app: "web" } })],
      errors: ['spec.selector.matchLabels: Referenced selector not found: "app=web" (IST0101); the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)'],
    },
  ],
});

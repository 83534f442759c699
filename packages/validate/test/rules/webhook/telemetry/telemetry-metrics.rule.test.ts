import { telemetryMetrics } from "../../../../src/rules/webhook/telemetry/telemetry-metrics.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { telemetry } from "../istio-fixtures.ts";

const overrides = (o: object[]) => telemetry((t) => { t.spec.metrics = [{ providers: [{ name: "prometheus" }], overrides: o }]; });

ruleTable(telemetryMetrics, {
  valid: [{ name: "an upsert and a removal", manifests: [overrides([{ match: { metric: "REQUEST_COUNT" }, tagOverrides: { team: { value: "'shop'" }, request_protocol: { operation: "REMOVE" } } }])] }],
  invalid: [
    { name: "an upsert without value", manifests: [overrides([{ tagOverrides: { team: {} } }])], errors: ["spec.metrics[0].overrides[0].tagOverrides[team]: tagOverrides.value must be set when operation is UPSERT"] },
    { name: "a removal with a value", manifests: [overrides([{ tagOverrides: { team: { operation: "REMOVE", value: "x" } } }])], errors: ["spec.metrics[0].overrides[0].tagOverrides[team].value: tagOverrides.value may only be set when operation is UPSERT"] },
    { name: "an empty custom metric", manifests: [overrides([{ match: { customMetric: "" }, disabled: true }])], errors: ["spec.metrics[0].overrides[0].match.customMetric: customMetric may not be empty"] },
  ],
});

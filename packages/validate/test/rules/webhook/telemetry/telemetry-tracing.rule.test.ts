import { telemetryTracing } from "../../../../src/rules/webhook/telemetry/telemetry-tracing.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { telemetry } from "../istio-fixtures.ts";

ruleTable(telemetryTracing, {
  valid: [{ name: "a percentage and custom tags", manifests: [telemetry((t) => { t.spec.tracing[0].randomSamplingPercentage = 100; t.spec.tracing[0].customTags = { env: { literal: { value: "prod" } }, user: { header: { name: "x-user" } } }; })] }],
  invalid: [
    { name: "a percentage above 100", manifests: [telemetry((t) => { t.spec.tracing[0].randomSamplingPercentage = 150; })], errors: ["spec.tracing[0].randomSamplingPercentage: randomSamplingPercentage must be in range [0.0, 100.0]"] },
    { name: "an empty literal", manifests: [telemetry((t) => { t.spec.tracing[0].customTags = { env: { literal: { value: "" } } }; })], errors: ["spec.tracing[0].customTags[env].literal.value: literal tag value may not be empty"] },
  ],
});

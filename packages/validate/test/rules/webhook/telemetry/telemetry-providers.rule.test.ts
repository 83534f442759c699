import { telemetryProviders } from "../../../../src/rules/webhook/telemetry/telemetry-providers.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { telemetry } from "../istio-fixtures.ts";

ruleTable(telemetryProviders, {
  valid: [{ name: "named providers", manifests: [telemetry((t) => { t.spec.accessLogging = [{ providers: [{ name: "envoy" }] }]; t.spec.tracing[0].providers = [{ name: "otel" }]; })] }],
  invalid: [{ name: "an unnamed provider", manifests: [telemetry((t) => { t.spec.metrics = [{ providers: [{ name: "prometheus" }, {}] }]; })], errors: ["spec.metrics[0].providers[1]: providers.name may not be empty"] }],
});

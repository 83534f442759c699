import { telemetryAccessLogging } from "../../../../src/rules/webhook/telemetry/telemetry-access-logging.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { telemetry } from "../istio-fixtures.ts";

const filter = (expression: string) => telemetry((t) => { t.spec.accessLogging = [{ providers: [{ name: "envoy" }], filter: { expression } }]; });

ruleTable(telemetryAccessLogging, {
  valid: [{ name: "a CEL filter", manifests: [filter("response.code >= 400 || request.headers['x-debug'] == \"1\"")] }],
  invalid: [
    { name: "an empty filter", manifests: [filter("")], errors: ["spec.accessLogging[0].filter.expression: must be a valid CEL expression, Syntax error: mismatched input '<EOF>'"] },
    { name: "an unbalanced filter", manifests: [filter("(response.code >= 400")], errors: ["spec.accessLogging[0].filter.expression: must be a valid CEL expression, Syntax error: missing closing bracket at '<EOF>'"] },
  ],
});

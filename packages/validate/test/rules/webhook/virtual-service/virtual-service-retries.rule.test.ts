import { virtualServiceRetries } from "../../../../src/rules/webhook/virtual-service/virtual-service-retries.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { vsHttp } from "../istio-fixtures.ts";

const retries = (r: object) => vsHttp((h) => { h.retries = r; });

ruleTable(virtualServiceRetries, {
  valid: [
    { name: "policies and status codes", manifests: [retries({ attempts: 3, perTryTimeout: "2s", retryOn: "connect-failure,refused-stream,reset,unavailable,cancelled,503" })] },
    { name: "retries disabled", manifests: [retries({ attempts: 0 })] },
  ],
  invalid: [
    { name: "negative attempts", manifests: [retries({ attempts: -1 })], errors: ["spec.http[0].retries.attempts: attempts cannot be negative"] },
    { name: "a per-try timeout without attempts", manifests: [retries({ perTryTimeout: "2s" })], errors: ["spec.http[0].retries: http retry policy configured when attempts are set to 0 (disabled)"] },
    { name: "an unknown policy", manifests: [retries({ attempts: 2, retryOn: "5xx,timeout,599" })], errors: ['spec.http[0].retries.retryOn: "599" is not a valid retryOn policy', 'spec.http[0].retries.retryOn: "timeout" is not a valid retryOn policy'] },
  ],
});

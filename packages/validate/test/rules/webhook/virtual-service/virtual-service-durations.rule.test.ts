import { virtualServiceDurations } from "../../../../src/rules/webhook/virtual-service/virtual-service-durations.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { vsHttp } from "../istio-fixtures.ts";

ruleTable(virtualServiceDurations, {
  valid: [
    { name: "Go durations", manifests: [vsHttp((h) => { h.timeout = "1m30s"; h.retries = { attempts: 2, perTryTimeout: "500ms" }; h.corsPolicy = { maxAge: "24h" }; })] },
    { name: "fractions and a 1ms minimum", manifests: [vsHttp((h) => { h.timeout = "0.5s"; h.fault = { delay: { fixedDelay: "1ms", percentage: { value: 1 } } }; })] },
  ],
  invalid: [
    { name: "0s", manifests: [vsHttp((h) => { h.timeout = "0s"; })], errors: ["spec.http[0].timeout: duration must be greater than 1ms"] },
    { name: "microseconds", manifests: [vsHttp((h) => { h.retries = { attempts: 1, perTryTimeout: "1500us" }; })], errors: ["spec.http[0].retries.perTryTimeout: only durations to ms precision are supported"] },
    { name: "no unit", manifests: [vsHttp((h) => { h.timeout = "10"; })], errors: ['spec.http[0].timeout: bad Duration: time: missing unit in duration "10"'] },
    { name: "an unknown unit", manifests: [vsHttp((h) => { h.timeout = "1d"; })], errors: ['spec.http[0].timeout: bad Duration: time: unknown unit "d" in duration "1d"'] },
    { name: "a max age below a second's precision", manifests: [vsHttp((h) => { h.corsPolicy = { maxAge: "1500ms" }; })], errors: ["spec.http[0].corsPolicy.maxAge: max_age duration is accurate only to seconds precision"] },
  ],
});

import { serviceSessionAffinity } from "../../../../src/rules/apiserver/core/service-session-affinity.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { svc } from "./core-objects.ts";

ruleTable(serviceSessionAffinity, {
  valid: [
    { name: "ClientIP with the default timeout", manifests: [svc({ sessionAffinity: "ClientIP" })] },
    { name: "ClientIP for one day", manifests: [svc({ sessionAffinity: "ClientIP", sessionAffinityConfig: { clientIP: { timeoutSeconds: 86400 } } })] },
    { name: "a config with affinity None (dropped by defaulting)", manifests: [svc({ sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } })] },
  ],
  invalid: [
    {
      name: "a zero timeout",
      manifests: [svc({ sessionAffinity: "ClientIP", sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } })],
      errors: ["spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400"],
    },
    {
      name: "more than a day",
      manifests: [svc({ sessionAffinity: "ClientIP", sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } } })],
      errors: ["spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400"],
    },
  ],
});

import { namespaceOf } from "../../../analysis/environment-index.ts";
import { isDestinationRule, VERIFYING_TLS_MODES } from "../../../analysis/destination-rules.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asNumber, asObject, asString, at } from "../../../support/values.ts";

/**
 * istioctl's IST0129 (`destinationrule.CaCertificateAnalyzer`): each port-level traffic policy of a DestinationRule that
 * originates TLS (`mode: SIMPLE` or `MUTUAL`) sets `caCertificates`. Port-level settings do not inherit the
 * destination-level `caCertificates`, so each is judged on its own. The port is shown as istioctl prints it (`number:443`).
 */
export const destinationRulePortTlsNoCaCertificates: GroupRule = {
  id: "destination-rule-port-tls-no-ca-certificates",
  category: "analysis",
  scope: "group",
  code: "IST0129",
  severity: "warning",
  description: "Each port-level SIMPLE or MUTUAL TLS policy of a DestinationRule sets caCertificates to verify the server (istioctl IST0129).",
  upstreamMessage:
    "Warning [IST0129] (DestinationRule default/db-tls) DestinationRule default/db-tls in namespace default has TLS mode set to SIMPLE but no caCertificates are set to validate server identity for host: mydbserver.prod.svc.cluster.local at port number:443",
  check(objects) {
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (!isDestinationRule(object)) continue;
      asArray(at(object.object, "spec", "trafficPolicy", "portLevelSettings")).forEach((item, i) => {
        const settings = asObject(item);
        const mode = asString(at(settings, "tls", "mode")) ?? "";
        if (!VERIFYING_TLS_MODES.has(mode) || (asString(at(settings, "tls", "caCertificates")) ?? "") !== "") return;
        const namespace = namespaceOf(object) ?? "default";
        const host = asString(at(object.object, "spec", "host")) ?? "";
        const number = asNumber(at(settings, "port", "number"));
        const port = number === undefined ? "" : `number:${number}`;
        problems.push({
          object,
          path: ["spec", "trafficPolicy", "portLevelSettings", i, "tls", "mode"],
          message: `DestinationRule ${namespace}/${object.name} in namespace ${namespace} has TLS mode set to ${mode} but no caCertificates are set to validate server identity for host: ${host} at port ${port} (IST0129)`,
        });
      });
    }
    return problems;
  },
};

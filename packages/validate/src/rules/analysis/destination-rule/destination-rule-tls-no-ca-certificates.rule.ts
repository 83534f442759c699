import { namespaceOf } from "../../../analysis/environment-index.ts";
import { isDestinationRule, VERIFYING_TLS_MODES } from "../../../analysis/destination-rules.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asString, at } from "../../../support/values.ts";

/**
 * istioctl's IST0128 (`destinationrule.CaCertificateAnalyzer`): a DestinationRule whose traffic policy originates TLS
 * (`mode: SIMPLE` or `MUTUAL`) sets `caCertificates`, so the server's certificate is verified. `ISTIO_MUTUAL` and
 * `DISABLE` need none.
 */
export const destinationRuleTlsNoCaCertificates: GroupRule = {
  id: "destination-rule-tls-no-ca-certificates",
  category: "analysis",
  scope: "group",
  code: "IST0128",
  severity: "warning",
  description: "A DestinationRule's SIMPLE or MUTUAL TLS traffic policy sets caCertificates to verify the server (istioctl IST0128).",
  upstreamMessage:
    "Warning [IST0128] (DestinationRule default/db-tls) DestinationRule default/db-tls in namespace default has TLS mode set to SIMPLE but no caCertificates are set to validate server identity for host: mydbserver.prod.svc.cluster.local",
  check(objects) {
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (!isDestinationRule(object)) continue;
      const mode = asString(at(object.object, "spec", "trafficPolicy", "tls", "mode")) ?? "";
      if (!VERIFYING_TLS_MODES.has(mode) || (asString(at(object.object, "spec", "trafficPolicy", "tls", "caCertificates")) ?? "") !== "") continue;
      const namespace = namespaceOf(object) ?? "default";
      const host = asString(at(object.object, "spec", "host")) ?? "";
      problems.push({
        object,
        path: ["spec", "trafficPolicy", "tls", "mode"],
        message: `DestinationRule ${namespace}/${object.name} in namespace ${namespace} has TLS mode set to ${mode} but no caCertificates are set to validate server identity for host: ${host} (IST0128)`,
      });
    }
    return problems;
  },
};

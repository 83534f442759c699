import { namespaceOf } from "../../../analysis/environment-index.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { mapSelects } from "../../../support/label-selector.ts";
import { asArray, asObject, asString, asStringMap, at, type PlainObject } from "../../../support/values.ts";

/** istioctl's `haveSameCertificate`: the same credentialName, or (neither has one) the same certificate and key files. */
function sameCertificate(a: PlainObject, b: PlainObject): boolean {
  const credentialA = asString(a.credentialName) ?? "";
  const credentialB = asString(b.credentialName) ?? "";
  if (credentialA !== "" && credentialB !== "") return credentialA === credentialB;
  if (credentialA !== "" || credentialB !== "") return false;
  const certificateA = asString(a.serverCertificate) ?? "";
  const keyA = asString(a.privateKey) ?? "";
  const keyB = asString(b.privateKey) ?? "";
  return certificateA !== "" && certificateA === asString(b.serverCertificate) && keyA !== "" && keyB !== "" && keyA === keyB;
}

/**
 * istioctl's IST0138 (`gateway.CertificateAnalyzer`): no two Istio Gateways on the same workloads (the other's selector
 * includes this one's; any namespace, PILOT_SCOPE_GATEWAY_TO_NAMESPACE being off by default) serve TLS with the same
 * certificate (the same credentialName, or the same serverCertificate and privateKey files).
 */
export const gatewayDuplicateCertificate: GroupRule = {
  id: "gateway-duplicate-certificate",
  category: "analysis",
  code: "IST0138",
  scope: "group",
  severity: "warning",
  description: "No two Istio Gateways on the same workloads serve TLS with the same certificate (istioctl IST0138).",
  upstreamMessage: "Warning [IST0138] (Gateway istio-system/a) Duplicate certificate in multiple gateways [istio-system/a istio-system/b] may cause 404s if clients re-use HTTP2 connections.",
  check(objects) {
    const gateways = objects
      .filter((o) => o.kind === "Gateway" && apiGroup(o.apiVersion) === "networking.istio.io")
      .map((object) => ({
        object,
        fullName: `${namespaceOf(object) ?? "default"}/${object.name}`,
        selector: asStringMap(at(object.object, "spec", "selector")),
        tls: asArray(at(object.object, "spec", "servers")).flatMap((server) => {
          const tls = asObject(asObject(server)?.tls);
          return tls === undefined ? [] : [tls];
        }),
      }));
    const problems: GroupProblem[] = [];
    for (const current of gateways) {
      if (current.tls.length === 0) continue;
      const reported = new Set<string>();
      for (const other of gateways) {
        if (other === current || other.fullName === current.fullName || !mapSelects(current.selector, other.selector)) continue;
        if (!current.tls.some((a) => other.tls.some((b) => sameCertificate(a, b)))) continue;
        const message = `Duplicate certificate in multiple gateways [${current.fullName} ${other.fullName}] may cause 404s if clients re-use HTTP2 connections. (IST0138)`;
        if (reported.has(message)) continue;
        reported.add(message);
        problems.push({ object: current.object, path: ["metadata", "name"], message });
      }
    }
    return problems;
  },
};

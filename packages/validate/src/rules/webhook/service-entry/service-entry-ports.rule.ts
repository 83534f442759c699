import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { validatePortName } from "../../../support/istio/names.ts";
import { validatePort } from "../../../support/istio/net.ts";
import { isHttpProtocol, isTlsProtocol, parseProtocol, validateProtocol } from "../../../support/istio/protocol.ts";
import { asArray, asNumber, asObject, asString } from "../../../support/values.ts";

/**
 * istiod's port checks of a ServiceEntry: unique DNS-label names and unique numbers in range, known protocols,
 * target ports in range; several hosts need HTTP or TLS ports unless resolution is NONE (plain TCP cannot tell the
 * hosts apart).
 */
export const serviceEntryPorts: ObjectRule = {
  id: "service-entry-ports",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "ServiceEntry ports have unique DNS-label names, unique numbers in range, known protocols and target ports in range; several hosts need HTTP or TLS ports unless resolution is NONE.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: multiple hosts provided with non-HTTP, non-TLS ports',
  kinds: new Set(["ServiceEntry"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "ServiceEntry");
    if (spec === undefined) return [];
    const problems = new Problems();
    const names = new Set<string>();
    const numbers = new Set<number>();
    for (const [i, entry] of asArray(spec.ports).entries()) {
      const port = asObject(entry);
      if (port === undefined) continue;
      const path = ["spec", "ports", i];
      const name = asString(port.name) ?? "";
      const number = asNumber(port.number) ?? 0;
      if (names.has(name)) problems.add([...path, "name"], `service entry port name ${JSON.stringify(name)} already defined`);
      names.add(name);
      if (numbers.has(number)) problems.add([...path, "number"], `service entry port ${number} already defined`);
      numbers.add(number);
      const targetPort = asNumber(port.targetPort) ?? 0;
      if (targetPort !== 0) problems.add([...path, "targetPort"], validatePort(targetPort));
      problems.add([...path, "name"], validatePortName(name));
      problems.add([...path, "protocol"], validateProtocol(port.protocol));
      problems.add([...path, "number"], validatePort(number));
    }
    if ((asString(spec.resolution) ?? "NONE") !== "NONE" && asArray(spec.hosts).length > 1) {
      const index = asArray(spec.ports).findIndex((p) => {
        const protocol = parseProtocol(asObject(p)?.protocol);
        return !isHttpProtocol(protocol) && !isTlsProtocol(protocol);
      });
      if (index >= 0) problems.add(["spec", "ports", index, "protocol"], "multiple hosts provided with non-HTTP, non-TLS ports");
    }
    return problems.list;
  },
};

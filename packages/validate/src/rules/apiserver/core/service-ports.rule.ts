import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isQualifiedName, isValidPortName, required } from "../../../support/apiserver-validation.ts";
import { serviceOf } from "../../../support/service-spec.ts";
import { asArray, asObject } from "../../../support/values.ts";

/** `core.ServicePort{…}` as Go's `%#v` prints the (protocol, port) key of a duplicate. */
function portKey(protocol: string, port: number): string {
  return `core.ServicePort{Name:"", Protocol:${JSON.stringify(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`;
}

/**
 * A Service has ports unless it is headless or of type ExternalName; a `targetPort` given as a string is an
 * IANA_SVC_NAME (so `"8080"` is not a port number), `appProtocol` is a qualified name, and no two ports share a
 * protocol and port number. (The protocol's values are the schema layer's to check.)
 */
export const servicePorts: ObjectRule = {
  id: "service-ports",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Services have ports (unless headless or ExternalName) whose string target ports are IANA_SVC_NAMEs, appProtocols qualified names, and protocol and port pairs unique.",
  upstreamMessage: 'spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)',
  kinds: new Set(["Service"]),
  check(object) {
    const service = serviceOf(object);
    if (service === undefined) return [];
    const ports = asArray(service.spec.ports);
    const problems: RuleProblem[] = [];
    if (ports.length === 0 && !service.headless && service.type !== "ExternalName") problems.push({ path: ["spec", "ports"], message: required() });
    const seen = new Set<string>();
    ports.forEach((item, index) => {
      const port = asObject(item);
      if (port === undefined) return;
      const path = ["spec", "ports", index];
      const protocol = typeof port.protocol === "string" && port.protocol !== "" ? port.protocol : "TCP";
      const target = port.targetPort;
      if (typeof target === "string" && /^\d+$/.test(target)) {
        for (const message of isValidPortName(target)) problems.push({ path: [...path, "targetPort"], message: invalid(target, message) });
      }
      if (typeof port.appProtocol === "string") {
        for (const message of isQualifiedName(port.appProtocol)) problems.push({ path: [...path, "appProtocol"], message: invalid(port.appProtocol, message) });
      }
      const number = typeof port.port === "number" ? port.port : 0;
      const pair = `${protocol}/${number}`;
      if (seen.has(pair)) problems.push({ path, message: `Duplicate value: ${portKey(protocol, number)}` });
      seen.add(pair);
    });
    return problems;
  },
};

import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { invalid, isDns1035Label, isValidPortName, isValidPortNum, required } from "../../../support/apiserver-validation.ts";
import { typedLocalObjectReferenceProblems } from "../../../support/networking.ts";
import { asArray, asNumber, asObject, asString, at } from "../../../support/values.ts";

const isSet = (value: unknown) => value !== undefined && value !== null;

/** validateIngressBackend. */
function backendProblems(backend: unknown, path: FieldPath, problems: RuleProblem[]): void {
  const object = asObject(backend);
  if (object === undefined) return;
  const hasResource = isSet(object.resource);
  const service = asObject(object.service);
  if (hasResource && service !== undefined) {
    problems.push({ path, message: invalid("", "cannot set both resource and service backends") });
    return;
  }
  if (hasResource) {
    problems.push(...typedLocalObjectReferenceProblems(object.resource, [...path, "resource"]));
    return;
  }
  if (service === undefined) {
    problems.push({ path, message: invalid("", "resource or service backend is required") });
    return;
  }
  const name = asString(service.name) ?? "";
  if (name === "") problems.push({ path: [...path, "service", "name"], message: required() });
  else for (const message of isDns1035Label(name)) problems.push({ path: [...path, "service", "name"], message: invalid(name, message) });
  const portName = asString(at(service, "port", "name")) ?? "";
  const portNumber = asNumber(at(service, "port", "number")) ?? 0;
  if (portName !== "" && portNumber !== 0) problems.push({ path, message: invalid("", "cannot set both port name & port number") });
  else if (portName !== "") {
    for (const message of isValidPortName(portName)) problems.push({ path: [...path, "service", "port", "name"], message: invalid(portName, message) });
  } else if (portNumber !== 0) {
    for (const message of isValidPortNum(portNumber)) problems.push({ path: [...path, "service", "port", "number"], message: invalid(portNumber, message) });
  } else {
    problems.push({ path, message: required("port name or number is required") });
  }
}

/**
 * Every Ingress backend (the default one and each HTTP path's) names exactly one of a Service and a resource; a
 * Service backend has a DNS-1035 name and exactly one of a port name (IANA_SVC_NAME) and a port number (1–65535); a
 * resource backend has a kind and a name (path segments) and a DNS-1123 apiGroup when it gives one.
 */
export const ingressBackend: ObjectRule = {
  id: "ingress-backend",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Ingress backends set exactly one of service and resource; a service backend has a valid name and exactly one of port name and port number.",
  upstreamMessage: 'spec.rules[0].http.paths[0].backend: Invalid value: "": cannot set both port name & port number',
  kinds: new Set(["Ingress"]),
  check(object) {
    if (object.kind !== "Ingress" || apiGroup(object.apiVersion) !== "networking.k8s.io") return [];
    const spec = asObject(object.object.spec);
    if (spec === undefined) return [];
    const problems: RuleProblem[] = [];
    backendProblems(spec.defaultBackend, ["spec", "defaultBackend"], problems);
    asArray(spec.rules).forEach((rule, ruleIndex) => {
      asArray(at(rule, "http", "paths")).forEach((entry, index) => {
        backendProblems(at(entry, "backend"), ["spec", "rules", ruleIndex, "http", "paths", index, "backend"], problems);
      });
    });
    return problems;
  },
};

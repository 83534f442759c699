import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { invalid, isValidPortName, isValidPortNum } from "../../../support/apiserver-validation.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

const isSet = (value: unknown) => value !== undefined && value !== null;

/** ValidateNetworkPolicyPort, the protocol aside (the schema checks its enumeration). */
function portProblems(entry: unknown, path: FieldPath, problems: RuleProblem[]): void {
  const port = asObject(entry)?.port;
  const endPort = asObject(entry)?.endPort;
  if (typeof port === "number") {
    for (const message of isValidPortNum(port)) problems.push({ path: [...path, "port"], message: invalid(port, message) });
    if (typeof endPort === "number") {
      // The apiserver quotes `port`, not `endPort`, in this message.
      if (endPort < port) problems.push({ path: [...path, "endPort"], message: invalid(port, "must be greater than or equal to `port`") });
      for (const message of isValidPortNum(endPort)) problems.push({ path: [...path, "endPort"], message: invalid(endPort, message) });
    }
  } else if (typeof port === "string") {
    if (isSet(endPort)) problems.push({ path: [...path, "endPort"], message: invalid(endPort, "may not be specified when `port` is non-numeric") });
    for (const message of isValidPortName(port)) problems.push({ path: [...path, "port"], message: invalid(port, message) });
  } else if (isSet(endPort)) {
    problems.push({ path: [...path, "endPort"], message: invalid(endPort, "may not be specified when `port` is not specified") });
  }
}

/**
 * A NetworkPolicy's ports: a numeric port is 1–65535, a named port an IANA_SVC_NAME; `endPort` needs a numeric
 * `port`, is at least `port` and is 1–65535.
 */
export const networkPolicyPorts: ObjectRule = {
  id: "network-policy-ports",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "NetworkPolicy ports are valid port numbers or names, and an endPort comes with a numeric port no greater than it.",
  upstreamMessage: "spec.ingress[0].ports[0].endPort: Invalid value: \"http\": may not be specified when `port` is non-numeric",
  kinds: new Set(["NetworkPolicy"]),
  check(object) {
    if (object.kind !== "NetworkPolicy" || apiGroup(object.apiVersion) !== "networking.k8s.io") return [];
    const problems: RuleProblem[] = [];
    for (const direction of ["ingress", "egress"] as const) {
      asArray(at(object.object, "spec", direction)).forEach((rule, ruleIndex) => {
        asArray(at(rule, "ports")).forEach((entry, index) => portProblems(entry, ["spec", direction, ruleIndex, "ports", index], problems));
      });
    }
    return problems;
  },
};

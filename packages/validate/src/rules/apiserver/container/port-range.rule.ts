import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isValidPortNum, required } from "../../../support/apiserver-validation.ts";
import { isRestartableInitContainer } from "../../../support/container-validation.ts";
import { containersOf, podSpecOf } from "../../../support/pod-spec.ts";
import { handlersOf } from "../../../support/probes.ts";
import { asArray, asObject } from "../../../support/values.ts";

/** The apiserver's default `--service-node-port-range`. */
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

function checkPort(value: unknown, path: FieldPath, problems: RuleProblem[], zeroMeansUnset = false): void {
  if (typeof value !== "number" || (zeroMeansUnset && value === 0)) return;
  for (const message of isValidPortNum(value)) problems.push({ path, message: invalid(value, message) });
}

/**
 * Port numbers are 1–65535: container ports (required: 0 is unset) and host ports, the probe and hook ports of the
 * containers whose probes and hooks are validated (regular containers, restartable init containers), Service ports
 * and target ports; a Service's nodePort is in the default node port range 30000–32767.
 */
export const portRange: ObjectRule = {
  id: "port-range",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Container, host, probe, Service and target port numbers are between 1 and 65535; node ports between 30000 and 32767.",
  upstreamMessage: "spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive",
  check(object, context) {
    const problems: RuleProblem[] = [];
    const pod = podSpecOf(object);
    for (const { path, container, list } of pod === undefined ? [] : containersOf(pod.spec, pod.path)) {
      asArray(container.ports).forEach((item, index) => {
        const port = asObject(item);
        if (port === undefined) return;
        if (port.containerPort === 0) problems.push({ path: [...path, "ports", index, "containerPort"], message: required() });
        else checkPort(port.containerPort, [...path, "ports", index, "containerPort"], problems);
        checkPort(port.hostPort, [...path, "ports", index, "hostPort"], problems, true);
      });
      if (list === "ephemeralContainers" || (list === "initContainers" && !isRestartableInitContainer(container, context.versions))) continue;
      for (const { path: handlerPath, handler } of handlersOf(container, path)) {
        for (const action of ["httpGet", "tcpSocket", "grpc"]) checkPort(asObject(handler[action])?.port, [...handlerPath, action, "port"], problems);
      }
    }
    if (object.kind === "Service" && object.apiVersion === "v1") {
      asArray(asObject(object.raw.spec)?.ports).forEach((item, index) => {
        const port = asObject(item);
        checkPort(port?.port, ["spec", "ports", index, "port"], problems);
        checkPort(port?.targetPort, ["spec", "ports", index, "targetPort"], problems, true);
        const nodePort = port?.nodePort;
        if (typeof nodePort === "number" && nodePort !== 0 && (nodePort < NODE_PORT_MIN || nodePort > NODE_PORT_MAX)) {
          problems.push({
            path: ["spec", "ports", index, "nodePort"],
            message: invalid(nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`),
          });
        }
      });
    }
    return problems;
  },
};

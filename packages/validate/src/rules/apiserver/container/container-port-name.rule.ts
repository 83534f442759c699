import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { duplicate, invalid, isValidPortName } from "../../../support/apiserver-validation.ts";
import { isRestartableInitContainer } from "../../../support/container-validation.ts";
import { containersOf, podSpecOf } from "../../../support/pod-spec.ts";
import { handlersOf } from "../../../support/probes.ts";
import { asArray, asObject } from "../../../support/values.ts";

/**
 * Named ports are IANA service names (IANA_SVC_NAME: at most 15 characters, lowercase alphanumerics and '-', at
 * least one letter, no '--', no '-' at either end): container ports (unique within their container), probe and hook
 * ports given by name, and a Service's named `targetPort`s.
 */
export const containerPortName: ObjectRule = {
  id: "container-port-name",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Container port names, named probe ports and named Service target ports are IANA_SVC_NAMEs; a container's port names are unique.",
  upstreamMessage: 'spec.containers[0].ports[0].name: Invalid value: "http--api": must not contain consecutive hyphens',
  check(object, context) {
    const problems: RuleProblem[] = [];
    const pod = podSpecOf(object);
    for (const { path, container, list } of pod === undefined ? [] : containersOf(pod.spec, pod.path)) {
      const names = new Set<string>();
      asArray(container.ports).forEach((item, index) => {
        const name = asObject(item)?.name;
        if (typeof name !== "string" || name === "") return;
        const where = [...path, "ports", index, "name"];
        const messages = isValidPortName(name);
        for (const message of messages) problems.push({ path: where, message: invalid(name, message) });
        if (messages.length === 0 && names.has(name)) problems.push({ path: where, message: duplicate(name) });
        names.add(name);
      });
      // Probes and hooks are validated on regular containers and restartable init containers only (forbidden elsewhere).
      if (list === "ephemeralContainers" || (list === "initContainers" && !isRestartableInitContainer(container, context.versions))) continue;
      for (const { path: handlerPath, handler } of handlersOf(container, path)) {
        for (const action of ["httpGet", "tcpSocket"]) {
          const port = asObject(handler[action])?.port;
          if (typeof port !== "string") continue;
          for (const message of isValidPortName(port)) problems.push({ path: [...handlerPath, action, "port"], message: invalid(port, message) });
        }
      }
    }
    if (object.kind === "Service" && object.apiVersion === "v1") {
      asArray(asObject(object.object.spec)?.ports).forEach((item, index) => {
        const target = asObject(item)?.targetPort;
        if (typeof target !== "string" || /^\d+$/.test(target)) return;
        for (const message of isValidPortName(target)) problems.push({ path: ["spec", "ports", index, "targetPort"], message: invalid(target, message) });
      });
    }
    return problems;
  },
};

import { joinPath, type FieldProblem } from "../field-problem.ts";
import { parseServiceRef } from "../resolve-service.ts";
import type { ServiceCheck } from "./service-check.ts";

export const acceptRules: ServiceCheck = {
  id: "service/accept-rules",
  description: "Every `accepts` rule names callers that declare this service in their `calls`, and ports the service listens on.",
  check(service, { callersOf }) {
    const problems: FieldProblem[] = [];
    const callers = callersOf(`${service.tenant}/${service.name}`);
    const targetPorts = (service.ports ?? []).map((p) => p.targetPort ?? p.port);
    for (const [index, rule] of (service.accepts ?? []).entries()) {
      const path = joinPath("accepts", index);
      for (const [i, from] of (rule.from ?? []).entries()) {
        const ref = parseServiceRef(from, service.tenant);
        if (!callers.includes(`${ref.tenant}/${ref.service}`)) {
          problems.push({ path: joinPath(joinPath(path, "from"), i), message: `"${from}" does not call this service (callers: ${callers.join(", ") || "none"})` });
        }
      }
      for (const [i, port] of (rule.ports ?? []).entries()) {
        if (!targetPorts.includes(port)) {
          problems.push({ path: joinPath(joinPath(path, "ports"), i), message: `${port} is not a container port of this service (declared: ${targetPorts.join(", ") || "none"})` });
        }
      }
    }
    return problems;
  },
};

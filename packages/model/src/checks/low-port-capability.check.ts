import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { ServiceCheck } from "./service-check.ts";

export const lowPortCapability: ServiceCheck = {
  id: "service/low-port-capability",
  description: "A container that listens below port 1024 sets `security.bindLowPorts` (its pods drop every other capability).",
  check({ ports = [], security }) {
    if (security?.bindLowPorts === true) return [];
    const problems: FieldProblem[] = [];
    for (const [index, port] of ports.entries()) {
      const target = port.targetPort ?? port.port;
      if (target < 1024) {
        problems.push({
          path: joinPath(joinPath("ports", index), port.targetPort === undefined ? "port" : "targetPort"),
          message: `${target} is below 1024: the container cannot bind it without security.bindLowPorts (or listen on a higher port and keep ${port.port} as the Service port)`,
        });
      }
    }
    return problems;
  },
};

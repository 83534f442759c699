import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { ServiceCheck } from "./service-check.ts";

export const uniquePorts: ServiceCheck = {
  id: "service/unique-ports",
  description: "Port names and port numbers are unique within a service.",
  check({ ports = [] }) {
    const problems: FieldProblem[] = [];
    const names = new Map<string, number>();
    const numbers = new Map<number, number>();
    for (const [index, port] of ports.entries()) {
      const path = joinPath("ports", index);
      const byName = names.get(port.name);
      if (byName !== undefined) problems.push({ path: joinPath(path, "name"), message: `"${port.name}" is already used by ports[${byName}]` });
      const byNumber = numbers.get(port.port);
      if (byNumber !== undefined) problems.push({ path: joinPath(path, "port"), message: `${port.port} is already used by ports[${byNumber}]` });
      if (!names.has(port.name)) names.set(port.name, index);
      if (!numbers.has(port.port)) numbers.set(port.port, index);
    }
    return problems;
  },
};

import { joinPath } from "../field-problem.ts";
import type { ServiceCheck } from "./service-check.ts";

const CALLEE = /^(?:([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/)?([a-z0-9]([-a-z0-9]*[a-z0-9])?)$/;

export const calleeExists: ServiceCheck = {
  id: "service/callee-exists",
  description: "Every entry of `calls` names a declared service (`name` in the same tenant, `tenant/name` in another), once.",
  check(service, { services }) {
    const problems = [];
    const seen = new Map<string, number>();
    for (const [index, callee] of (service.calls ?? []).entries()) {
      const path = joinPath("calls", index);
      const match = CALLEE.exec(callee);
      if (match === null) {
        problems.push({ path, message: `"${callee}" is not a service name or tenant/name` });
        continue;
      }
      const tenant = match[1] ?? service.tenant;
      const key = `${tenant}/${match[3]}`;
      if (!services.has(key)) {
        problems.push({ path, message: `"${callee}" is not a declared service in tenant "${tenant}"` });
      } else if (key === `${service.tenant}/${service.name}`) {
        problems.push({ path, message: `"${callee}" is the service itself` });
      } else if (seen.has(key)) {
        problems.push({ path, message: `"${callee}" is already listed at calls[${seen.get(key)}]` });
      }
      seen.set(key, seen.get(key) ?? index);
    }
    return problems;
  },
};

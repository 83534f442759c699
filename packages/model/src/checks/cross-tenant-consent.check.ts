import { joinPath, type FieldProblem } from "../field-problem.ts";
import { parseServiceRef } from "../resolve-service.ts";
import type { ServiceCheck } from "./service-check.ts";

export const crossTenantConsent: ServiceCheck = {
  id: "service/cross-tenant-consent",
  description:
    "A call to another tenant's service is allowed only when both sides declare it: the caller in `calls`, the callee in `exposedTo`; every `exposedTo` entry names another tenant's service.",
  check(service, { findService, services }) {
    const problems: FieldProblem[] = [];
    const self = `${service.tenant}/${service.name}`;
    for (const [index, callee] of (service.calls ?? []).entries()) {
      const ref = parseServiceRef(callee, service.tenant);
      if (ref.tenant === service.tenant) continue;
      const target = findService(`${ref.tenant}/${ref.service}`);
      if (target === undefined) continue; // callee-exists reports it
      if (!(target.exposedTo ?? []).includes(self)) {
        problems.push({
          path: joinPath("calls", index),
          message: `"${callee}" does not accept calls from tenant "${service.tenant}": add "${self}" to its exposedTo`,
        });
      }
    }
    for (const [index, entry] of (service.exposedTo ?? []).entries()) {
      const path = joinPath("exposedTo", index);
      if (!entry.includes("/")) problems.push({ path, message: `"${entry}" must be tenant/name (exposedTo is for other tenants' services)` });
      else if (parseServiceRef(entry, service.tenant).tenant === service.tenant) problems.push({ path, message: `"${entry}" is in the same tenant, which needs no exposedTo` });
      else if (!services.has(entry)) problems.push({ path, message: `"${entry}" is not a declared service` });
    }
    return problems;
  },
};

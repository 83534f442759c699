import type { ServiceCheck } from "./service-check.ts";

export const tenantExists: ServiceCheck = {
  id: "service/tenant-exists",
  description: "A service's tenant is a declared tenant.",
  check(service, { tenants }) {
    if (tenants.has(service.tenant)) return [];
    const known = [...tenants].sort().join(", ") || "none";
    return [{ path: "tenant", message: `"${service.tenant}" is not a declared tenant (declared: ${known})` }];
  },
};

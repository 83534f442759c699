import { declarationProblems } from "../secret-refs.check.ts";
import type { TenantCheck } from "./tenant-check.ts";

/**
 * Each shared secret becomes an ExternalSecret and a Secret of that name in the tenant's namespace: two of one name
 * would be one object declared twice (the render stopped with an exception before this check), and a key listed twice
 * one Secret key written twice. The same rule as a service's own secrets (`service/secret-refs`).
 */
export const uniqueSecrets: TenantCheck = {
  id: "tenant/unique-secrets",
  description: "A tenant's shared secrets have distinct names, and each lists a key once.",
  check({ name, secrets = [] }) {
    return declarationProblems(secrets, [], name);
  },
};

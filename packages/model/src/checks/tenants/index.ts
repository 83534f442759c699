import { reservedName } from "./reserved-name.check.ts";
import type { TenantCheck } from "./tenant-check.ts";
import { uniqueSecrets } from "./unique-secrets.check.ts";

export type { TenantCheck } from "./tenant-check.ts";
export { RESERVED_TENANT_NAMES } from "./reserved-name.check.ts";

/** Every tenant check, in the order they run. */
export const TENANT_CHECKS: readonly TenantCheck[] = [reservedName, uniqueSecrets];

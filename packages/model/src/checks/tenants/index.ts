import type { TenantCheck } from "./tenant-check.ts";
import { uniqueSecrets } from "./unique-secrets.check.ts";

export type { TenantCheck } from "./tenant-check.ts";

/** Every tenant check, in the order they run. */
export const TENANT_CHECKS: readonly TenantCheck[] = [uniqueSecrets];

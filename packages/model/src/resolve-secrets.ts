import type { ResolvedSecret } from "./resolved.ts";
import type { SecretSpec } from "./spec/secret-spec.ts";
import { compareStrings } from "./spec-error.ts";

/** How often a secret is read again when its spec names no `refresh`. */
export const DEFAULT_SECRET_REFRESH = "1h";

/** Declared secrets with their defaults written out, sorted by name (keys in declared order). */
export function resolveSecrets(secrets: readonly SecretSpec[] | undefined): ResolvedSecret[] {
  return (secrets ?? [])
    .map((secret) => ({ name: secret.name, from: secret.from, keys: [...secret.keys], refresh: secret.refresh ?? DEFAULT_SECRET_REFRESH }))
    .sort((a, b) => compareStrings(a.name, b.name));
}

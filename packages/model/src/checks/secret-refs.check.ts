import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { SecretSpec } from "../spec/secret-spec.ts";
import type { ServiceCheck } from "./service-check.ts";

function list(names: readonly string[]): string {
  return names.length === 0 ? "none" : [...names].sort().join(", ");
}

/** Problems of the service's own declarations: unique names (also against the tenant's), unique keys. */
export function declarationProblems(own: readonly SecretSpec[], shared: readonly SecretSpec[], tenant: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const first = new Map<string, number>();
  for (const [index, secret] of own.entries()) {
    const path = joinPath("secrets", index);
    const earlier = first.get(secret.name);
    if (earlier !== undefined) problems.push({ path: joinPath(path, "name"), message: `"${secret.name}" is already declared by secrets[${earlier}]` });
    else first.set(secret.name, index);
    if (shared.some((s) => s.name === secret.name)) {
      problems.push({ path: joinPath(path, "name"), message: `"${secret.name}" is already a secret of tenant ${tenant}: use it, or choose another name` });
    }
    const keys = new Map<string, number>();
    for (const [keyIndex, key] of secret.keys.entries()) {
      const seen = keys.get(key);
      if (seen !== undefined) problems.push({ path: joinPath(joinPath(path, "keys"), keyIndex), message: `"${key}" is already listed at keys[${seen}]` });
      else keys.set(key, keyIndex);
    }
  }
  return problems;
}

export const secretRefs: ServiceCheck = {
  id: "service/secret-refs",
  description:
    "Every env[].secretKeyRef names a secret declared in the service's or its tenant's `secrets`, and one of its keys; declared secret names are unique in the tenant, and keys in a secret.",
  check(service, { tenantSecrets, services, findService }) {
    const own = service.secrets ?? [];
    const shared = tenantSecrets(service.tenant);
    const problems = declarationProblems(own, shared, service.tenant);
    // One Secret per name in a namespace: two services of a tenant declaring the same name would render two
    // ExternalSecrets fighting over it.
    const others = [...services].filter((key) => key.startsWith(`${service.tenant}/`) && key !== `${service.tenant}/${service.name}`).sort();
    for (const [index, secret] of own.entries()) {
      const also = others.filter((key) => (findService(key)?.secrets ?? []).some((s) => s.name === secret.name));
      if (also.length > 0) {
        problems.push({
          path: joinPath(joinPath("secrets", index), "name"),
          message: `"${secret.name}" is also declared by ${also.join(", ")}: declare it once, in tenant ${service.tenant}'s secrets, to share it`,
        });
      }
    }
    const declared = new Map<string, SecretSpec>();
    for (const secret of [...shared, ...own]) if (!declared.has(secret.name)) declared.set(secret.name, secret);
    for (const [index, variable] of (service.env ?? []).entries()) {
      const ref = variable.secretKeyRef;
      if (ref === undefined) continue;
      const path = joinPath(joinPath("env", index), "secretKeyRef");
      const secret = declared.get(ref.name);
      if (secret === undefined) {
        problems.push({
          path: joinPath(path, "name"),
          message: `"${ref.name}" is not a declared secret of the service or tenant ${service.tenant} (declared: ${list([...declared.keys()])}); add it to \`secrets\``,
        });
      } else if (!secret.keys.includes(ref.key)) {
        problems.push({ path: joinPath(path, "key"), message: `"${ref.key}" is not a key of secret "${ref.name}" (keys: ${list(secret.keys)})` });
      }
    }
    return problems;
  },
};

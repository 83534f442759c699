import { resolveSecrets } from "./resolve-secrets.ts";
import { applyOverride, overriddenFields } from "./apply-override.ts";
import { SERVICE_CHECKS, type ServiceCheckContext } from "./checks/index.ts";
import { ENVIRONMENTS_CHECKS } from "./checks/environments/index.ts";
import { TENANT_CHECKS } from "./checks/tenants/index.ts";
import { compareEnvironments } from "./environment-order.ts";
import { joinPath, type FieldProblem } from "./field-problem.ts";
import type { PlatformDefinition, Sourced } from "./platform-definition.ts";
import type { EnvironmentModel, ResolvedCall, ResolvedEnvironment, ResolvedService, ResolvedTenant } from "./resolved.ts";
import { resolveEnvironment } from "./resolve-environment.ts";
import { parseServiceRef, resolveService } from "./resolve-service.ts";
import { validateAgainstSchema } from "./schema-validator.ts";
import { checkTenantQuotas } from "./tenant-quota.ts";
import { overrideFor } from "./override-for.ts";
import type { EnvironmentSpec } from "./spec/environment-spec.ts";
import type { ServiceSpec } from "./spec/service-spec.ts";
import { compareStrings, sortSpecErrors, type SpecError, type SpecKind } from "./spec-error.ts";

/** The result of resolving a platform: a model per environment, or the errors that stop it from rendering. */
export interface PlatformResolution {
  /** One model per environment, ordered dev → staging → prod (primary before DR); empty when there are errors. */
  readonly models: readonly EnvironmentModel[];
  /** Every problem found, sorted; the platform renders only when this is empty. */
  readonly errors: readonly SpecError[];
}

function nameOf(value: unknown): string {
  const name = (value as { name?: unknown } | null)?.name;
  return typeof name === "string" ? name : "(unnamed)";
}

/** A service spec's tenant, if it is a string (a spec that is not valid yet may hold anything there). */
function tenantOf(value: unknown): string {
  const tenant = (value as { tenant?: unknown } | null)?.tenant;
  return typeof tenant === "string" ? tenant : "(no tenant)";
}

function attribute(problems: readonly FieldProblem[], file: string, kind: SpecKind, subject: string): SpecError[] {
  return problems.map((p) => ({ ...p, file, kind, subject }));
}

/**
 * Attributes an environment's schema problems. Those inside `overrides.<key>` are the overridden service's: they are
 * reported like the other problems an override causes (the service, in the environment's file, for that environment),
 * with the path inside the service; the rest are the environment's own.
 */
function attributeEnvironment(problems: readonly FieldProblem[], { spec, file }: Sourced<unknown>): SpecError[] {
  const subject = nameOf(spec);
  const overrides = (spec as { overrides?: unknown } | null)?.overrides;
  const keys = typeof overrides === "object" && overrides !== null ? Object.keys(overrides) : [];
  return problems.map((problem) => {
    const under = (key: string) => {
      const prefix = joinPath("overrides", key);
      return problem.path === prefix || problem.path.startsWith(`${prefix}.`) || problem.path.startsWith(`${prefix}[`);
    };
    // The longest matching key, should one key be a prefix of another (`a` and `a.b`).
    const key = keys.filter(under).sort((a, b) => b.length - a.length)[0];
    if (key === undefined) return { ...problem, file, kind: "environment" as const, subject };
    const path = problem.path.slice(joinPath("overrides", key).length).replace(/^\./, "");
    return { ...problem, path, file, kind: "service" as const, subject: key.slice(key.indexOf("/") + 1), environment: subject };
  });
}

function duplicates<T>(items: readonly Sourced<T>[], key: (spec: T) => string, kind: SpecKind, what: string): SpecError[] {
  const first = new Map<string, string>();
  const errors: SpecError[] = [];
  for (const { spec, file } of items) {
    const k = key(spec);
    const earlier = first.get(k);
    if (earlier === undefined) first.set(k, file);
    else errors.push({ file, kind, subject: nameOf(spec), path: "name", message: `${what} "${k}" is already declared in ${earlier}` });
  }
  return errors;
}

function checkOverrideKeys(environment: Sourced<EnvironmentSpec>, services: readonly ServiceSpec[]): SpecError[] {
  const errors: SpecError[] = [];
  for (const key of Object.keys(environment.spec.overrides ?? {}).sort(compareStrings)) {
    const matches = key.includes("/")
      ? services.filter((s) => `${s.tenant}/${s.name}` === key)
      : services.filter((s) => s.name === key);
    const subject = environment.spec.name;
    const path = `overrides.${key}`;
    if (matches.length === 0) {
      errors.push({ file: environment.file, kind: "environment", subject, path, message: `"${key}" is not a declared service` });
    } else if (matches.length > 1) {
      const tenants = matches.map((s) => `${s.tenant}/${s.name}`).sort(compareStrings).join(", ");
      errors.push({ file: environment.file, kind: "environment", subject, path, message: `"${key}" is ambiguous: write one of ${tenants}` });
    }
  }
  return errors;
}

/** Checks one service's effective spec in one environment (schema, then the service checks). */
/**
 * Resolves the services running in one environment, each with the callers that run there too (its authorization
 * and network policies allow exactly those), sorted by tenant and name.
 */
function resolveServicesIn(
  environment: ResolvedEnvironment,
  running: readonly { spec: ServiceSpec; file: string; explicitMinReplicas: boolean }[],
): ResolvedService[] {
  const present = new Set(running.map(({ spec }) => `${spec.tenant}/${spec.name}`));
  const callers = new Map<string, ResolvedCall[]>();
  for (const { spec } of running) {
    for (const callee of spec.calls ?? []) {
      const ref = parseServiceRef(callee, spec.tenant);
      const key = `${ref.tenant}/${ref.service}`;
      if (!present.has(key)) continue;
      callers.set(key, [...(callers.get(key) ?? []), { tenant: spec.tenant, service: spec.name }]);
    }
  }
  const order = (a: ResolvedCall, b: ResolvedCall) => compareStrings(a.tenant, b.tenant) || compareStrings(a.service, b.service);
  return running
    .map(({ spec, file, explicitMinReplicas }) =>
      resolveService(spec, file, environment, [...(callers.get(`${spec.tenant}/${spec.name}`) ?? [])].sort(order), { explicitMinReplicas }),
    )
    .sort((a, b) => compareStrings(a.tenant, b.tenant) || compareStrings(a.name, b.name));
}

/** Gives each environment the other environments of its stage: the clusters it fails over to. */
function withPeers(environments: readonly ResolvedEnvironment[]): ResolvedEnvironment[] {
  return environments.map((environment) => ({
    ...environment,
    peers: environments
      .filter((other) => other.stage === environment.stage && other.name !== environment.name)
      .map((other) => ({ name: other.name, region: other.cluster.region, role: other.cluster.role, network: other.cluster.network })),
  }));
}

/** A stateful service the DR cluster runs not at all (`disasterRecovery: "absent"`). */
function absentFromDisasterRecovery(spec: ServiceSpec, environment: ResolvedEnvironment): boolean {
  return environment.cluster.role === "dr" && spec.workload === "stateful" && spec.disasterRecovery === "absent";
}

function checkInEnvironment(effective: ServiceSpec, environment: ResolvedEnvironment, context: ServiceCheckContext): FieldProblem[] {
  const schemaProblems = validateAgainstSchema("ServiceSpec", effective);
  if (schemaProblems.length > 0) return schemaProblems;
  const withDefaults: ServiceSpec = { ...effective, resources: effective.resources ?? environment.defaults.resources };
  return SERVICE_CHECKS.flatMap((rule) => rule.check(withDefaults, context));
}

/**
 * Checks a platform definition and resolves it into one model per environment. Every problem is collected (not
 * only the first) and attributed to the file that declares the offending value; a problem found in several
 * environments is reported once, naming them all. Pure: no I/O, same input → same result.
 */
export function resolvePlatform(definition: PlatformDefinition): PlatformResolution {
  const errors: SpecError[] = [];
  const valid = <T>(items: readonly Sourced<T>[], type: "ServiceSpec" | "TenantSpec" | "EnvironmentSpec", kind: SpecKind) =>
    items.filter(({ spec, file }) => {
      const problems = validateAgainstSchema(type, spec);
      errors.push(...(kind === "environment" ? attributeEnvironment(problems, { spec, file }) : attribute(problems, file, kind, nameOf(spec))));
      return problems.length === 0;
    });

  const tenants = valid(definition.tenants, "TenantSpec", "tenant");
  for (const { spec, file } of tenants) errors.push(...attribute(TENANT_CHECKS.flatMap((rule) => rule.check(spec)), file, "tenant", spec.name));
  const environments = valid(definition.environments, "EnvironmentSpec", "environment");
  const services = valid(definition.services, "ServiceSpec", "service");
  errors.push(...duplicates(tenants, (t) => t.name, "tenant", "tenant"));
  const duplicateEnvironments = duplicates(environments, (e) => e.name, "environment", "environment");
  errors.push(...duplicateEnvironments);
  errors.push(...duplicates(services, (s) => `${s.tenant}/${s.name}`, "service", "service"));
  // A ServiceAccount is a mesh identity: two services sharing one would share each other's authorization.
  errors.push(
    ...duplicates(
      services.filter((s, i) => services.findIndex((o) => o.spec.tenant === s.spec.tenant && o.spec.name === s.spec.name) === i),
      (s) => `${s.tenant}/${s.serviceAccountName ?? s.name}`,
      "service",
      "ServiceAccount",
    ).map((e) => ({
      ...e,
      path: "serviceAccountName",
    })),
  );
  // Override keys are matched against every declared service, also those refused above (their own errors say why).
  const declared = definition.services
    .map((s) => s.spec as Partial<ServiceSpec> | null)
    .filter((s): s is ServiceSpec => typeof s?.name === "string" && typeof s.tenant === "string");
  for (const environment of environments) errors.push(...checkOverrideKeys(environment, declared));

  const byKey = new Map(services.map(({ spec }) => [`${spec.tenant}/${spec.name}`, spec]));
  const callersOf = new Map<string, string[]>();
  for (const { spec } of services) {
    for (const callee of spec.calls ?? []) {
      const ref = parseServiceRef(callee, spec.tenant);
      const key = `${ref.tenant}/${ref.service}`;
      callersOf.set(key, [...(callersOf.get(key) ?? []), `${spec.tenant}/${spec.name}`]);
    }
  }
  const context: Omit<ServiceCheckContext, "environment"> = {
    tenants: new Set(definition.tenants.map((t) => nameOf(t.spec))),
    services: new Set(definition.services.map((s) => `${tenantOf(s.spec)}/${nameOf(s.spec)}`)),
    findService: (key) => byKey.get(key),
    callersOf: (key) => callersOf.get(key) ?? [],
    tenantSecrets: (name) => tenants.find((t) => t.spec.name === name)?.spec.secrets ?? [],
  };
  const ordered = [...environments].sort((a, b) => compareEnvironments(a.spec, b.spec));
  const resolvedEnvironments = withPeers(ordered.map(resolveEnvironment));
  // What the environments must say together (one primary per stage, distinct regions and networks, …), judged only
  // on the whole set: with an environment refused above, its stage would look incomplete.
  if (environments.length === definition.environments.length && duplicateEnvironments.length === 0) {
    const checked = ordered.map(({ spec }, index) => ({ spec, resolved: resolvedEnvironments[index]! }));
    errors.push(...ENVIRONMENTS_CHECKS.flatMap((rule) => rule.check({ environments: checked, services, tenants })));
  }

  const effectiveByEnvironment = new Map<string, { spec: ServiceSpec; file: string; explicitMinReplicas: boolean }[]>();
  for (const { spec, file } of services) {
    // One entry per distinct problem, with the environments it occurs in.
    const found = new Map<string, { problem: FieldProblem; file: string; environments: string[] }>();
    let active = 0;
    for (const [index, sourced] of ordered.entries()) {
      const environment = resolvedEnvironments[index]!;
      const override = overrideFor(sourced.spec, spec);
      if (override?.disabled === true) continue;
      const effective = applyOverride(spec, override, environment.defaults.resources);
      if (absentFromDisasterRecovery(effective, environment)) continue;
      active += 1;
      const problems = checkInEnvironment(effective, environment, { ...context, environment });
      if (problems.length === 0) {
        const list = effectiveByEnvironment.get(environment.name) ?? [];
        list.push({ spec: effective, file, explicitMinReplicas: override?.autoscaling?.minReplicas !== undefined });
        effectiveByEnvironment.set(environment.name, list);
        continue;
      }
      const fields = overriddenFields(override);
      for (const problem of problems) {
        const top = problem.path.split(/[.[]/)[0]!;
        // A reference to a secret that only this environment's `secrets` override leaves out is that override's mistake.
        const droppedSecret = top === "env" && fields.has("secrets") && problem.path.includes(".secretKeyRef");
        const fromEnvironment = fields.has(top) || (top === "resources" && spec.resources === undefined) || droppedSecret;
        const origin = fromEnvironment ? sourced.file : file;
        const key = `${origin}\u0000${problem.path}\u0000${problem.message}`;
        const entry = found.get(key) ?? { problem, file: origin, environments: [] };
        entry.environments.push(environment.name);
        found.set(key, entry);
      }
    }
    for (const { problem, file: origin, environments: names } of found.values()) {
      const all = names.length === active && active > 1;
      errors.push({
        ...problem,
        file: origin,
        kind: "service",
        subject: spec.name,
        ...(all ? {} : { environment: names.join(", ") }),
      });
    }
  }

  if (errors.length > 0) return { models: [], errors: sortSpecErrors(errors) };

  const resolvedTenants: ResolvedTenant[] = tenants
    .map(({ spec, file }) => ({ name: spec.name, team: spec.team, file, description: spec.description, quota: spec.quota, secrets: resolveSecrets(spec.secrets) }))
    .sort((a, b) => compareStrings(a.name, b.name));
  const models = resolvedEnvironments.map((environment) => ({
    environment,
    tenants: resolvedTenants,
    services: resolveServicesIn(environment, effectiveByEnvironment.get(environment.name) ?? []),
  }));
  const quotaErrors = models.flatMap(checkTenantQuotas);
  if (quotaErrors.length > 0) return { models: [], errors: sortSpecErrors(quotaErrors) };
  return { models, errors: [] };
}

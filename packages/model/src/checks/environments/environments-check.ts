import type { Sourced } from "../../platform-definition.ts";
import type { ResolvedEnvironment } from "../../resolved.ts";
import type { EnvironmentSpec } from "../../spec/environment-spec.ts";
import type { ServiceSpec } from "../../spec/service-spec.ts";
import type { TenantSpec } from "../../spec/tenant-spec.ts";
import type { SpecError } from "../../spec-error.ts";

/** One environment as a cross-environment check sees it: as declared, and with every default applied. */
export interface CheckedEnvironment {
  /** The environment as declared (its overrides, and which cluster fields it sets itself). */
  readonly spec: EnvironmentSpec;
  /** The environment with every default applied; `file` is the file that declares it. */
  readonly resolved: ResolvedEnvironment;
}

/** What a cross-environment check may look at. */
export interface EnvironmentsCheckContext {
  /** Every environment that passed its schema, ordered dev → staging → prod, primary before DR, then by name. */
  readonly environments: readonly CheckedEnvironment[];
  /** Every service that passed its schema, with its file. */
  readonly services: readonly Sourced<ServiceSpec>[];
  /** Every tenant that passed its schema, with its file (each is a namespace in every environment). */
  readonly tenants: readonly Sourced<TenantSpec>[];
}

/**
 * One rule the environments must follow together (a primary + DR pair's consistency): what no single environment's
 * schema or check can see. A problem names every environment file involved: it is reported in each of them, and its
 * message names the others.
 */
export interface EnvironmentsCheck {
  /** A stable id, e.g. `environments/one-primary`. */
  readonly id: string;
  /** One sentence saying what the rule requires. */
  readonly description: string;
  /** The problems the environments have under this rule, attributed to their files; none when they follow it. */
  readonly check: (context: EnvironmentsCheckContext) => SpecError[];
}

/** The environments grouped by stage, each group in the context's order; stages in order dev, staging, prod. */
export function byStage(environments: readonly CheckedEnvironment[]): CheckedEnvironment[][] {
  const groups = new Map<string, CheckedEnvironment[]>();
  for (const environment of environments) {
    const stage = environment.resolved.stage;
    groups.set(stage, [...(groups.get(stage) ?? []), environment]);
  }
  return [...groups.values()];
}

/** Groups of two or more environments with the same `key`, in order of their first member. */
export function sharing(environments: readonly CheckedEnvironment[], key: (environment: CheckedEnvironment) => string): [string, CheckedEnvironment[]][] {
  const groups = new Map<string, CheckedEnvironment[]>();
  for (const environment of environments) groups.set(key(environment), [...(groups.get(key(environment)) ?? []), environment]);
  return [...groups.entries()].filter(([, group]) => group.length > 1);
}

/** An environment as messages name it: `prod-us-west-2 (apps/platform/environments/prod-us-west-2.ts)`. */
export function named({ resolved }: CheckedEnvironment): string {
  return `${resolved.name} (${resolved.file})`;
}

/** `a`, `a and b`, `a, b and c`. */
export function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A problem of an environment's own field, attributed to its file. */
export function environmentError({ resolved }: CheckedEnvironment, path: string, message: string): SpecError {
  return { file: resolved.file, kind: "environment", subject: resolved.name, path, message };
}

/**
 * A problem reported in each of `involved` (their own `path`), each message naming the others: the message is
 * `describe(others)`, where `others` is the rest of `involved`, each as `name (file)`.
 */
export function reportedInEach(involved: readonly CheckedEnvironment[], path: string, describe: (others: readonly string[]) => string): SpecError[] {
  return involved.map((environment) => environmentError(environment, path, describe(involved.filter((other) => other !== environment).map(named))));
}

import type { FieldProblem } from "../field-problem.ts";
import type { ResolvedEnvironment } from "../resolved.ts";
import type { SecretSpec } from "../spec/secret-spec.ts";
import type { ServiceSpec } from "../spec/service-spec.ts";

/** What a service check may look at besides the service itself. */
export interface ServiceCheckContext {
  /** The names of every declared tenant. */
  readonly tenants: ReadonlySet<string>;
  /** Every declared service, as `tenant/name`. */
  readonly services: ReadonlySet<string>;
  /** A declared service by `tenant/name` (as declared, before any environment's override). */
  readonly findService: (key: string) => ServiceSpec | undefined;
  /** The services that declare `tenant/name` in their `calls`, as `tenant/name`. */
  readonly callersOf: (key: string) => readonly string[];
  /** The secrets a declared tenant shares with its services (none for an unknown tenant). */
  readonly tenantSecrets: (tenant: string) => readonly SecretSpec[];
  /** The environment the spec is checked for (stage-dependent rules read its stage and role). */
  readonly environment: ResolvedEnvironment;
}

/**
 * One rule a service spec must follow that its JSON Schema cannot say. A check sees a spec that already passed the
 * schema, with one environment's override and stage defaults applied.
 */
export interface ServiceCheck {
  /** A stable id, e.g. `service/callee-exists`. */
  readonly id: string;
  /** One sentence saying what the rule requires. */
  readonly description: string;
  /** The problems the spec has under this rule; none when it follows it. */
  readonly check: (service: ServiceSpec, context: ServiceCheckContext) => FieldProblem[];
}

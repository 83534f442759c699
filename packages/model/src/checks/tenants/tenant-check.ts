import type { FieldProblem } from "../../field-problem.ts";
import type { TenantSpec } from "../../spec/tenant-spec.ts";

/**
 * One rule a tenant spec must follow that its JSON Schema cannot say. A check sees a spec that already passed the
 * schema; its problems are the tenant file's.
 */
export interface TenantCheck {
  /** A stable id, e.g. `tenant/unique-secrets`. */
  readonly id: string;
  /** One sentence saying what the rule requires. */
  readonly description: string;
  /** The problems the spec has under this rule; none when it follows it. */
  readonly check: (tenant: TenantSpec) => FieldProblem[];
}

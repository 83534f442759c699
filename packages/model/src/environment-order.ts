import type { EnvironmentSpec } from "./spec/environment-spec.ts";
import { compareStrings } from "./spec-error.ts";

const STAGE_RANK = { dev: 0, staging: 1, prod: 2 } as const;
const ROLE_RANK = { primary: 0, dr: 1 } as const;

/** Orders environments dev → staging → prod, primary before DR, then by name: the order of every report. */
export function compareEnvironments(a: EnvironmentSpec, b: EnvironmentSpec): number {
  return (
    STAGE_RANK[a.stage] - STAGE_RANK[b.stage] ||
    ROLE_RANK[a.cluster.role ?? "primary"] - ROLE_RANK[b.cluster.role ?? "primary"] ||
    compareStrings(a.name, b.name)
  );
}

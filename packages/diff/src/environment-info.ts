import { compareEnvironments, compareStrings, type ClusterRole, type EnvironmentSpec, type Stage } from "@cloudlab/model";

/** What the diff knows about an environment: its stage and cluster role, from its spec. */
export interface EnvironmentInfo {
  readonly name: string;
  /** Undefined for an environment the specs no longer declare (only the base renders it). */
  readonly stage?: Stage;
  /** Undefined for an environment the specs no longer declare. */
  readonly role?: ClusterRole;
}

/**
 * The environments named in `names` (rendered folders of either side), ordered as every report lists them: those the
 * specs declare dev → staging → prod, primary before DR (`compareEnvironments`), then any the specs no longer
 * declare, by name.
 */
export function orderEnvironments(specs: readonly EnvironmentSpec[], names: Iterable<string>): EnvironmentInfo[] {
  const declared = [...specs].sort(compareEnvironments);
  const wanted = new Set(names);
  const known: EnvironmentInfo[] = declared
    .filter((spec) => wanted.has(spec.name))
    .map((spec) => ({ name: spec.name, stage: spec.stage, role: spec.cluster.role ?? "primary" }));
  const knownNames = new Set(known.map((e) => e.name));
  const unknown = [...wanted].filter((name) => !knownNames.has(name)).sort(compareStrings);
  return [...known, ...unknown.map((name) => ({ name }))];
}

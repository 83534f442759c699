import type { EnvironmentSpec } from "@cloudlab/model";
import { callEdges, type CallEdge } from "./call-edges.ts";
import { orderEnvironments } from "./environment-info.ts";
import type { RenderedObject } from "./rendered-object.ts";

/** The calls one environment gains and loses. */
export interface CallGraphChange {
  readonly environment: string;
  /** Edges of the new render that the base does not have (with the new render's operations). */
  readonly added: readonly CallEdge[];
  /** Edges of the base that the new render does not have (with the base's operations). */
  readonly removed: readonly CallEdge[];
}

function byEnvironment(objects: readonly RenderedObject[]): Map<string, RenderedObject[]> {
  const groups = new Map<string, RenderedObject[]>();
  for (const object of objects) groups.set(object.key.environment, [...(groups.get(object.key.environment) ?? []), object]);
  return groups;
}

const edgeKey = (edge: CallEdge) => `${edge.from}\u0000${edge.to}`;

/**
 * The call-graph edges (who may call whom, from the rendered AuthorizationPolicies) each environment gains or loses
 * between two renders, in report order; environments whose edges did not change are left out. An edge whose
 * operations changed is neither added nor removed (the `authorization-widened` risk flag covers what it allows).
 */
export function diffCallGraph(input: {
  readonly base: readonly RenderedObject[];
  readonly head: readonly RenderedObject[];
  readonly environments: readonly EnvironmentSpec[];
}): CallGraphChange[] {
  const base = byEnvironment(input.base);
  const head = byEnvironment(input.head);
  const names = new Set([...base.keys(), ...head.keys(), ...input.environments.map((e) => e.name)]);
  return orderEnvironments(input.environments, names)
    .map(({ name }) => {
      const before = callEdges(base.get(name) ?? []);
      const after = callEdges(head.get(name) ?? []);
      const had = new Set(before.map(edgeKey));
      const has = new Set(after.map(edgeKey));
      return { environment: name, added: after.filter((e) => !had.has(edgeKey(e))), removed: before.filter((e) => !has.has(edgeKey(e))) };
    })
    .filter((change) => change.added.length > 0 || change.removed.length > 0);
}

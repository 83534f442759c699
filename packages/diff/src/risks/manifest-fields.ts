import { objectId } from "../object-key.ts";
import type { Manifest } from "../rendered-object.ts";
import type { ObjectDelta } from "./risk-rule.ts";

/** Small readers of rendered objects shared by the risk rules. */

export type Json = unknown;

export function record(value: Json): Record<string, Json> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, Json>) : undefined;
}

export function list(value: Json): readonly Json[] {
  return Array.isArray(value) ? value : [];
}

/** The value at a dotted path, e.g. `at(m, "spec", "mtls", "mode")`. */
export function at(value: Json, ...keys: string[]): Json {
  let current = value;
  for (const key of keys) current = record(current)?.[key];
  return current;
}

/** `Kind/namespace/name` of a delta's object. */
export function deltaId(delta: ObjectDelta): string {
  return objectId(delta.object);
}

/** The kinds whose pod template holds containers, and where the template is. */
const POD_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  Deployment: ["spec", "template", "spec"],
  StatefulSet: ["spec", "template", "spec"],
  DaemonSet: ["spec", "template", "spec"],
  ReplicaSet: ["spec", "template", "spec"],
  Rollout: ["spec", "template", "spec"],
  Job: ["spec", "template", "spec"],
  CronJob: ["spec", "jobTemplate", "spec", "template", "spec"],
};

/** A container of a workload's pod template. */
export interface ContainerView {
  readonly name: string;
  readonly image?: string;
  readonly resources?: Json;
}

/** The containers and init containers of a workload (empty for any other kind). */
export function containersOf(manifest: Manifest | undefined): ContainerView[] {
  if (manifest === undefined) return [];
  const path = POD_TEMPLATES[manifest.kind];
  if (path === undefined) return [];
  const pod = at(manifest, ...path);
  return [...list(at(pod, "initContainers")), ...list(at(pod, "containers"))].flatMap((c) => {
    const container = record(c);
    if (container === undefined || typeof container.name !== "string") return [];
    return [{ name: container.name, ...(typeof container.image === "string" ? { image: container.image } : {}), resources: container.resources }];
  });
}

/** Whether the kind runs pods. */
export function isWorkload(manifest: Manifest | undefined): boolean {
  return manifest !== undefined && POD_TEMPLATES[manifest.kind] !== undefined;
}

/** Values in `after` that `before` does not hold, in `after`'s order, without repeats. */
export function newValues(before: readonly string[], after: readonly string[]): string[] {
  const known = new Set(before);
  return [...new Set(after)].filter((value) => !known.has(value));
}

/**
 * Whether a policy is part of something this change adds: its namespace is new (a new tenant, the first render), or
 * its label selector (`{matchLabels}`) picks the pods of a workload this change adds (a new service). Such a policy
 * is reviewed with what it comes with. An empty or absent selector picks the whole namespace, never only new pods.
 */
export function protectsAddedPods(policy: ObjectDelta, selector: Json, deltas: readonly ObjectDelta[]): boolean {
  if (policy.change !== "added") return false;
  const namespace = policy.object.namespace;
  if (deltas.some((d) => d.change === "added" && d.object.kind === "Namespace" && d.object.name === namespace)) return true;
  const wanted = Object.entries(record(at(selector, "matchLabels")) ?? {});
  if (wanted.length === 0) return false;
  return deltas.some((delta) => {
    if (delta.change !== "added" || !isWorkload(delta.after) || delta.object.namespace !== namespace) return false;
    const labels = record(at(delta.after, ...templateLabelsPath(delta.after!.kind))) ?? {};
    return wanted.every(([key, value]) => labels[key] === value);
  });
}

function templateLabelsPath(kind: string): string[] {
  const pod = POD_TEMPLATES[kind] ?? [];
  return [...pod.slice(0, -1), "metadata", "labels"];
}

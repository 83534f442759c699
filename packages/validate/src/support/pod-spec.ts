import type { FieldPath } from "../field-path.ts";
import { asArray, asObject, at, type PlainObject } from "./values.ts";

/**
 * Where the pod spec of each workload kind is: Kubernetes' own kinds, and Argo Rollouts' Rollout (its template
 * becomes ReplicaSets, so its pods are checked as theirs).
 */
const POD_SPEC_PATHS: Readonly<Record<string, FieldPath>> = {
  "v1 Pod": ["spec"],
  "v1 PodTemplate": ["template", "spec"],
  "v1 ReplicationController": ["spec", "template", "spec"],
  "apps Deployment": ["spec", "template", "spec"],
  "apps ReplicaSet": ["spec", "template", "spec"],
  "apps StatefulSet": ["spec", "template", "spec"],
  "apps DaemonSet": ["spec", "template", "spec"],
  "batch Job": ["spec", "template", "spec"],
  "batch CronJob": ["spec", "jobTemplate", "spec", "template", "spec"],
  "argoproj.io Rollout": ["spec", "template", "spec"],
};

/** Every kind (any API group) that has a pod spec somewhere: the only kinds `podSpecOf` finds one in. */
export const POD_SPEC_KINDS: ReadonlySet<string> = new Set(Object.keys(POD_SPEC_PATHS).map((key) => key.slice(key.indexOf(" ") + 1)));

/** The kinds whose pods run until stopped (so probes make sense). */
export const LONG_RUNNING_WORKLOADS: ReadonlySet<string> = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "ReplicationController", "Rollout"]);

function kindKey(apiVersion: string, kind: string): string {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0] : "v1";
  return `${group} ${kind}`;
}

/** The path of an object's pod spec, when its kind has one. */
export function podSpecPath(apiVersion: string, kind: string): FieldPath | undefined {
  return POD_SPEC_PATHS[kindKey(apiVersion, kind)];
}

/** The path of an object's pod template (`…template`), for kinds whose pod spec is in a template. */
export function podTemplatePath(apiVersion: string, kind: string): FieldPath | undefined {
  const path = podSpecPath(apiVersion, kind);
  return path === undefined || path.length < 2 ? undefined : path.slice(0, -1);
}

/** Pod specs already looked up, by the object they are in (dozens of rules ask for each object's). */
const podSpecs = new WeakMap<object, { path: FieldPath; spec: PlainObject } | null>();

/** An object's pod spec and its path, when its kind has one and it is an object. */
export function podSpecOf(object: { readonly apiVersion: string; readonly kind: string; readonly object: unknown }): { path: FieldPath; spec: PlainObject } | undefined {
  const data = object.object;
  const cacheable = typeof data === "object" && data !== null;
  if (cacheable) {
    const known = podSpecs.get(data);
    if (known !== undefined) return known ?? undefined;
  }
  const path = podSpecPath(object.apiVersion, object.kind);
  const spec = path === undefined ? undefined : asObject(at(data, ...path));
  const found = path === undefined || spec === undefined ? undefined : { path, spec };
  if (cacheable) podSpecs.set(data, found ?? null);
  return found;
}

/** The container lists of a pod spec. */
export const CONTAINER_LISTS = ["initContainers", "containers", "ephemeralContainers"] as const;

/** One container of a pod spec, with its path. */
export interface ContainerAt {
  readonly path: FieldPath;
  readonly container: PlainObject;
  readonly list: (typeof CONTAINER_LISTS)[number];
}

/** Every container (init, regular, ephemeral) of a pod spec at `specPath`. */
export function containersOf(spec: PlainObject, specPath: FieldPath, lists: readonly (typeof CONTAINER_LISTS)[number][] = CONTAINER_LISTS): readonly ContainerAt[] {
  // Twenty rules ask for every container of each pod spec, at the path podSpecOf gave: remembered per spec.
  const remembered = lists === CONTAINER_LISTS ? allContainers.get(spec) : undefined;
  if (remembered !== undefined && remembered.specPath === specPath) return remembered.containers;
  const out: ContainerAt[] = [];
  for (const list of lists) {
    asArray(spec[list]).forEach((item, index) => {
      const container = asObject(item);
      if (container !== undefined) out.push({ path: [...specPath, list, index], container, list });
    });
  }
  if (lists === CONTAINER_LISTS) allContainers.set(spec, { specPath, containers: out });
  return out;
}

/** Every container of a pod spec (`containersOf` with all lists), by the spec, with the path it was asked at. */
const allContainers = new WeakMap<PlainObject, { readonly specPath: FieldPath; readonly containers: readonly ContainerAt[] }>();

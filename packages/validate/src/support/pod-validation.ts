/**
 * Pieces of the kube-apiserver's pod spec validation (pkg/apis/core/validation, Kubernetes 1.28)
 * shared by the `apiserver/pod` rules: local paths, file modes, set and empty values, Go-quoted lists
 * and volume sources, each check returning problems with the apiserver's paths and wording (label names and selectors
 * are `./label-validation.ts`, IP addresses `./ip-address.ts`).
 */
import type { FieldPath } from "../field-path.ts";
import type { RuleProblem } from "../rule.ts";
import { invalid } from "./apiserver-validation.ts";
import { asArray, asObject, type PlainObject } from "./values.ts";

/** validatePathNoBacksteps: no `..` element. */
export function validatePathNoBacksteps(value: string, path: FieldPath): RuleProblem[] {
  return value.split("/").includes("..") ? [{ path, message: invalid(value, "must not contain '..'") }] : [];
}

/** validateLocalDescendingPath: relative, with no `..` element. */
export function validateLocalDescendingPath(value: string, path: FieldPath): RuleProblem[] {
  const problems: RuleProblem[] = [];
  if (value.startsWith("/")) problems.push({ path, message: invalid(value, "must be a relative path") });
  problems.push(...validatePathNoBacksteps(value, path));
  return problems;
}

/** ValidateLocalNonReservedPath: a local descending path that does not start with `..`. */
export function validateLocalNonReservedPath(value: string, path: FieldPath): RuleProblem[] {
  const problems = validateLocalDescendingPath(value, path);
  if (value.startsWith("..") && !value.startsWith("../")) problems.push({ path, message: invalid(value, "must not start with '..'") });
  return problems;
}

const FILE_MODE_MESSAGE = "must be a number between 0 and 0777 (octal), both inclusive";

/** A file mode (`defaultMode`, `mode`) between 0 and 0777. */
export function validateFileMode(mode: unknown, path: FieldPath): RuleProblem[] {
  return typeof mode === "number" && (mode < 0 || mode > 0o777) ? [{ path, message: invalid(mode, FILE_MODE_MESSAGE) }] : [];
}

/** A string field that is missing or empty (what `len(x) == 0` sees after decoding). */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/** The volume sources of a pod spec's volumes, by volume name (a repeated name keeps its first volume, as the apiserver does). */
export function volumesByName(spec: PlainObject): Map<string, PlainObject> {
  const volumes = new Map<string, PlainObject>();
  for (const item of asArray(spec.volumes)) {
    const volume = asObject(item);
    const name = volume?.name;
    if (volume !== undefined && typeof name === "string" && !volumes.has(name)) volumes.set(name, volume);
  }
  return volumes;
}

/**
 * The volume source fields of a v1 Volume in the order the apiserver checks them, with the path segment it reports
 * when a second one is set (its own spelling, typos included).
 */
export const VOLUME_SOURCES: readonly (readonly [field: string, reported: string])[] = [
  ["emptyDir", "emptyDir"],
  ["hostPath", "hostPath"],
  ["gitRepo", "gitRepo"],
  ["gcePersistentDisk", "gcePersistentDisk"],
  ["awsElasticBlockStore", "awsElasticBlockStore"],
  ["secret", "secret"],
  ["nfs", "nfs"],
  ["iscsi", "iscsi"],
  ["glusterfs", "glusterfs"],
  ["flocker", "flocker"],
  ["persistentVolumeClaim", "persistentVolumeClaim"],
  ["rbd", "rbd"],
  ["cinder", "cinder"],
  ["cephfs", "cephFS"],
  ["quobyte", "quobyte"],
  ["downwardAPI", "downwarAPI"],
  ["fc", "fc"],
  ["flexVolume", "flexVolume"],
  ["configMap", "configMap"],
  ["azureFile", "azureFile"],
  ["vsphereVolume", "vsphereVolume"],
  ["photonPersistentDisk", "photonPersistentDisk"],
  ["portworxVolume", "portworxVolume"],
  ["azureDisk", "azureDisk"],
  ["storageos", "storageos"],
  ["projected", "projected"],
  ["scaleIO", "scaleIO"],
  ["csi", "csi"],
  ["ephemeral", "ephemeral"],
];

/** The volume source the apiserver validates: the first one set, in its order (later ones are only reported). */
export function primaryVolumeSource(volume: PlainObject): { field: string; source: PlainObject } | undefined {
  for (const [field] of VOLUME_SOURCES) {
    const source = asObject(volume[field]);
    if (source !== undefined) return { field, source };
  }
  return undefined;
}

/** Each volume of a pod spec with its path and its primary source. */
export function podVolumes(spec: PlainObject, specPath: FieldPath): { path: FieldPath; volume: PlainObject; field: string; source: PlainObject }[] {
  const out: { path: FieldPath; volume: PlainObject; field: string; source: PlainObject }[] = [];
  asArray(spec.volumes).forEach((item, index) => {
    const volume = asObject(item);
    if (volume === undefined) return;
    const primary = primaryVolumeSource(volume);
    if (primary !== undefined) out.push({ path: [...specPath, "volumes", index], volume, ...primary });
  });
  return out;
}

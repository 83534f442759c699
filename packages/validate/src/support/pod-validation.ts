/**
 * Pieces of the kube-apiserver's pod spec validation (pkg/apis/core/validation and apimachinery's metav1 validation,
 * Kubernetes 1.28) shared by the `apiserver/pod` rules: label names and selectors, IP addresses, local paths and file
 * modes, each returning problems with the apiserver's paths and wording.
 */
import type { FieldPath } from "../field-path.ts";
import type { RuleProblem } from "../rule.ts";
import { forbidden, invalid, isQualifiedName, isValidLabelValue, required } from "./apiserver-validation.ts";
import { asArray, asObject, asString, type PlainObject } from "./values.ts";

/** ValidateLabelName: a label key (or topology key, toleration key) is a qualified name. */
export function validateLabelName(name: string, path: FieldPath): RuleProblem[] {
  return isQualifiedName(name).map((message) => ({ path, message: invalid(name, message) }));
}

/** ValidateLabels: keys are qualified names, values label values; both reported at the map's own path. */
export function validateLabels(labels: unknown, path: FieldPath): RuleProblem[] {
  const map = asObject(labels);
  if (map === undefined) return [];
  const problems: RuleProblem[] = [];
  for (const [name, value] of Object.entries(map)) {
    problems.push(...validateLabelName(name, path));
    if (typeof value === "string") for (const message of isValidLabelValue(value)) problems.push({ path, message: invalid(value, message) });
  }
  return problems;
}

/** ValidateLabelSelector (label values validated, as on create): matchLabels and matchExpressions. */
export function validateLabelSelector(selector: unknown, path: FieldPath): RuleProblem[] {
  const object = asObject(selector);
  if (object === undefined) return [];
  const problems = validateLabels(object.matchLabels, [...path, "matchLabels"]);
  asArray(object.matchExpressions).forEach((item, index) => {
    const expression = asObject(item);
    if (expression === undefined) return;
    const where = [...path, "matchExpressions", index];
    const values = asArray(expression.values);
    const operator = expression.operator;
    if (operator === "In" || operator === "NotIn") {
      if (values.length === 0) problems.push({ path: [...where, "values"], message: required("must be specified when `operator` is 'In' or 'NotIn'") });
    } else if (operator === "Exists" || operator === "DoesNotExist") {
      if (values.length > 0) problems.push({ path: [...where, "values"], message: forbidden("may not be specified when `operator` is 'Exists' or 'DoesNotExist'") });
    } else {
      problems.push({ path: [...where, "operator"], message: invalid(operator ?? "", "not a valid selector operator") });
    }
    problems.push(...validateLabelName(asString(expression.key) ?? "", [...where, "key"]));
    values.forEach((value, valueIndex) => {
      if (typeof value !== "string") return;
      for (const message of isValidLabelValue(value)) problems.push({ path: [...where, "values", valueIndex], message: invalid(value, message) });
    });
  });
  return problems;
}

/** IsValidIP's message (Kubernetes 1.28). */
export const IP_ADDRESS_MESSAGE = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

function isIPv4Sloppy(text: string): boolean {
  const parts = text.split(".");
  return parts.length === 4 && parts.every((part) => /^[0-9]+$/.test(part) && Number(part) <= 255);
}

function isIPv6(text: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(text)) return false;
  const halves = text.split("::");
  if (halves.length > 2) return false;
  const groupsOf = (half: string): string[] | undefined => (half === "" ? [] : half.split(":"));
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (head === undefined || tail === undefined) return false;
  const groups = [...head, ...tail];
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    if (i === groups.length - 1 && group.includes(".")) {
      if (!isIPv4Sloppy(group)) return false;
      count += 2;
    } else if (/^[0-9A-Fa-f]{1,4}$/.test(group)) count += 1;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

/** netutils.ParseIPSloppy succeeds: IPv4 (leading zeros allowed) or IPv6, without a zone. */
export function isValidIP(text: string): boolean {
  return isIPv4Sloppy(text) || isIPv6(text);
}

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

/** A value that is set: neither missing nor `null`. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A string field that is missing or empty (what `len(x) == 0` sees after decoding). */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/** A Go `[]string` as `%#v` prints it, for Invalid values that are whole lists. */
export function goStringSlice(values: readonly unknown[]): string {
  return `[]string{${values.map((v) => JSON.stringify(String(v))).join(", ")}}`;
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

import { createHash } from "node:crypto";
import { compareStrings } from "@cloudlab/model";

/**
 * Fields of a container that no cross-object check reads (the gate's analysis rules and the render's analyses look
 * at names, labels, selectors, ports, hosts, service accounts, policies and Secret references, never at these). A
 * change confined to them leaves every cross-object finding as it was, which lets an incremental synth skip the
 * analyses. A test records every field the analyses read and fails if one of these is among them.
 *
 * Not `env` nor `envFrom`: the secret-reference rule reads their `valueFrom.secretKeyRef` and `secretRef` (and the
 * finding names the item's index), so a changed env can make or clear a finding.
 */
export const ANALYSIS_BLIND_CONTAINER_FIELDS: ReadonlySet<string> = new Set(["image", "resources", "args", "command"]);

/** Object fields, at any depth, whose value is a list of containers. */
const CONTAINER_LISTS: ReadonlySet<string> = new Set(["containers", "initContainers"]);

/** The JSON text of `document` without its containers' analysis-blind fields (a `JSON.stringify` replacer, no copy). */
function relevantJson(document: unknown): string {
  // Most objects hold no containers: their plain JSON is the answer, and stringify without a replacer is several
  // times faster. A list of containers always shows as `"containers":` (or `"initContainers":`) in it; the same
  // characters inside a string value are escaped (`\"containers\":`), so they never match.
  const plain = JSON.stringify(document);
  if (plain !== undefined && !plain.includes('"containers":') && !plain.includes('"initContainers":')) return plain;
  const containers = new WeakSet<object>();
  return JSON.stringify(document, function (this: object, key: string, value: unknown) {
    if (containers.has(this) && ANALYSIS_BLIND_CONTAINER_FIELDS.has(key)) return undefined;
    if (CONTAINER_LISTS.has(key) && Array.isArray(value)) for (const item of value) if (item !== null && typeof item === "object") containers.add(item);
    return value;
  });
}

/**
 * A digest of what the cross-object analyses can see of a set of objects (each given with its path): equal digests
 * mean the analyses find the same. Objects are digested in path order.
 */
export function relationsDigest(objects: readonly { readonly path: string; readonly document: unknown }[]): string {
  const hash = createHash("sha1");
  for (const { path, document } of [...objects].sort((a, b) => compareStrings(a.path, b.path))) {
    hash.update(path).update("\0").update(relevantJson(document)).update("\0");
  }
  return hash.digest("hex");
}

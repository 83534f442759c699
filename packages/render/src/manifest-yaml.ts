import { stringify } from "yaml";
import { canonicalObject } from "./canonical-object.ts";

/**
 * The YAML text of one manifest, byte-for-byte the same for the same object on any machine: canonical key order, no
 * anchors, no line wrapping, a trailing newline.
 */
export function manifestYaml(manifest: Record<string, unknown>): string {
  return stringify(canonicalObject(manifest), { lineWidth: 0, minContentWidth: 0, aliasDuplicateObjects: false });
}

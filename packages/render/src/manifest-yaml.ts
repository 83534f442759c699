import { emitManifest } from "./yaml-emitter.ts";

/**
 * The YAML text of one manifest, byte-for-byte the same for the same object on any machine: canonical key order
 * (`apiVersion`, `kind`, `metadata` first, then code-unit order at every depth), nulls dropped, no anchors, no line
 * wrapping, a trailing newline.
 *
 * A string is quoted when a YAML 1.1 or a YAML 1.2 parser would read it as something else (no `%YAML` directive is
 * written): kubectl and Argo CD read manifests as YAML 1.1, which takes a plain `yes`, `no`, `on`, `off`, `y` or `n`
 * for a boolean (and `1_000` for a number), so a label or env value like that must be quoted to stay a string.
 */
export function manifestYaml(manifest: Record<string, unknown>): string {
  return emitManifest(manifest);
}

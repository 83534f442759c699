import { parseAllDocuments } from "yaml";
import { objectKeyString, type ObjectKey } from "./object-key.ts";

/** A rendered Kubernetes object as plain JSON. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

/** One rendered file's text, path relative to the output folder (e.g. `dev/shop/web/deployment-web.yaml`). */
export interface RenderedText {
  readonly path: string;
  readonly content: string;
}

/** One object of a render, with where it was rendered to. */
export interface RenderedObject {
  readonly key: ObjectKey;
  /** The rendered file, relative to the output folder, e.g. `dev/shop/web/deployment-web.yaml`. */
  readonly file: string;
  readonly manifest: Manifest;
}

/** A rendered file that could not be read as objects. */
export interface ParseProblem {
  readonly file: string;
  readonly message: string;
}

/** The objects of a render, or what stopped some files from being read. */
export interface ParsedRender {
  /** Sorted by file. */
  readonly objects: readonly RenderedObject[];
  readonly problems: readonly ParseProblem[];
}

/** Index files, not objects sent to a cluster: left out of the comparison. */
const INDEX_KINDS = new Set(["Kustomization"]);

function isManifest(value: unknown): value is Manifest {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const metadata = v.metadata as Record<string, unknown> | undefined;
  return (
    typeof v.apiVersion === "string" &&
    typeof v.kind === "string" &&
    typeof metadata === "object" &&
    metadata !== null &&
    typeof metadata.name === "string" &&
    (metadata.namespace === undefined || typeof metadata.namespace === "string")
  );
}

/**
 * Reads rendered files as objects, keyed by environment / apiVersion / kind / namespace / name. The environment is the
 * file's first folder. YAML is read as 1.1, as kubectl and Argo CD read it. Kustomization index files are skipped.
 */
export function parseRenderedFiles(files: readonly RenderedText[]): ParsedRender {
  const objects: RenderedObject[] = [];
  const problems: ParseProblem[] = [];
  const seen = new Map<string, string>();
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const file of sorted) {
    const slash = file.path.indexOf("/");
    if (slash <= 0) {
      problems.push({ file: file.path, message: "is not inside an environment folder" });
      continue;
    }
    const environment = file.path.slice(0, slash);
    for (const document of parseAllDocuments(file.content, { version: "1.1" })) {
      if (document.errors.length > 0) {
        problems.push({ file: file.path, message: `is not valid YAML: ${document.errors[0]!.message.split("\n")[0]}` });
        continue;
      }
      const value: unknown = document.toJS();
      if (value === null || value === undefined) continue;
      if (typeof value === "object" && !Array.isArray(value) && INDEX_KINDS.has(String((value as { kind?: unknown }).kind))) continue;
      if (!isManifest(value)) {
        problems.push({ file: file.path, message: "is not a Kubernetes object (apiVersion, kind and metadata.name are required)" });
        continue;
      }
      const key: ObjectKey = {
        environment,
        apiVersion: value.apiVersion,
        kind: value.kind,
        ...(value.metadata.namespace === undefined ? {} : { namespace: value.metadata.namespace }),
        name: value.metadata.name,
      };
      const id = objectKeyString(key);
      const other = seen.get(id);
      if (other !== undefined) {
        problems.push({ file: file.path, message: `holds the same object as ${other}` });
        continue;
      }
      seen.set(id, file.path);
      objects.push({ key, file: file.path, manifest: value });
    }
  }
  return { objects, problems };
}

import type { EnvironmentSpec, PlatformDefinition } from "@cloudlab/model";
import { parseAllDocuments } from "yaml";
import type { RenderedFile } from "../../src/index.ts";
import { fixtureEnvironments, fixturePlatform, type Manifest } from "../fixtures.ts";

/**
 * The render fixture platform (tests never import apps/platform) with each environment's delivery as given: by default
 * Argo CD everywhere (the default) and Flux too in staging.
 */
export function deliveryPlatform(delivery: Readonly<Record<string, EnvironmentSpec["delivery"]>> = { staging: { flux: true } }): PlatformDefinition {
  const environments = fixtureEnvironments().map((e) => (delivery[e.spec.name] === undefined ? e : { ...e, spec: { ...e.spec, delivery: delivery[e.spec.name] } }));
  return fixturePlatform({ environments });
}

/** The platform repository every environment follows by default. */
export const PLATFORM_REPO = "https://github.com/cloud-lab/platform.git";

/** The objects of the rendered files under `folder` (e.g. `staging/_argocd/`), each with its file's path. */
export function objectsUnder(files: readonly RenderedFile[], folder: string): { path: string; object: Manifest }[] {
  return files
    .filter((f) => f.path.startsWith(folder) && !f.path.endsWith("/kustomization.yaml"))
    .flatMap((f) => parseAllDocuments(f.content).map((d) => ({ path: f.path, object: d.toJSON() as Manifest })));
}

/** The annotations of a parsed object (empty when it has none). */
export function annotationsOf(object: { readonly metadata: object }): Record<string, string> {
  return (object.metadata as { annotations?: Record<string, string> }).annotations ?? {};
}

import type { ResolvedEnvironment } from "@cloudlab/model";

/** The folder (under the repository root) everything of an environment is rendered into. */
export const OUTPUT_ROOT = "environments";

/** The folder of the Argo CD objects the root Application syncs. */
export const ARGOCD_FOLDER = "_argocd";
/** The folder of the Flux objects the root Kustomization syncs. */
export const FLUX_FOLDER = "_flux";
/** The folder of the objects applied once by hand to bootstrap a cluster. */
export const BOOTSTRAP_FOLDER = "_bootstrap";

/** A folder of the environment as a path from the repository root, e.g. `environments/dev/boutique`. */
export function repoPath(environment: ResolvedEnvironment, folder: string): string {
  return `${OUTPUT_ROOT}/${environment.name}/${folder}`;
}

/** The Argo CD destination of the cluster Argo CD runs in (each cluster runs its own Argo CD). */
export const IN_CLUSTER = "https://kubernetes.default.svc";

/** Argo CD's namespace. */
export const ARGOCD_NAMESPACE = "argocd";
/** Flux's namespace. */
export const FLUX_NAMESPACE = "flux-system";

import { manifestYaml } from "./manifest-yaml.ts";

/** The file name of the index that makes a folder buildable with `kubectl kustomize`. */
export const KUSTOMIZATION_FILE = "kustomization.yaml";

/** A kustomization listing the given resource paths (relative to its folder), sorted. */
export function kustomizationYaml(resources: readonly string[]): string {
  const sorted = [...resources].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return manifestYaml({ apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", resources: sorted });
}

import { DEFAULT_ISTIO_VERSION, DEFAULT_KUBERNETES_VERSION, type PlatformDefinition } from "@cloudlab/model";
import type { RenderedFile } from "@cloudlab/render";
import type { ManifestSource, ValidationGroup, ValidationReport } from "@cloudlab/validate";
import { validateInParallel } from "./parallel-validate.ts";

const KUSTOMIZATION = /(^|\/)kustomization\.ya?ml$/;

/**
 * The rendered files as the gate validates them: one group per environment, at the environment's Kubernetes and
 * Istio versions, files named as they will be written (`<out>/<path>`).
 */
export function renderedGroups(definition: PlatformDefinition, files: readonly RenderedFile[], out: string): ValidationGroup[] {
  const outPrefix = out.replace(/\\/g, "/").replace(/\/+$/, "");
  const byEnvironment = new Map<string, ManifestSource[]>();
  for (const file of files) {
    if (KUSTOMIZATION.test(file.path)) continue;
    const environment = file.path.split("/")[0]!;
    const sources = byEnvironment.get(environment) ?? [];
    sources.push({ file: `${outPrefix}/${file.path}`, content: file.content });
    byEnvironment.set(environment, sources);
  }
  const declared = new Map(definition.environments.map(({ spec }) => [spec.name, spec.versions]));
  return [...byEnvironment].map(([environment, sources]) => ({
    environment,
    versions: {
      kubernetes: declared.get(environment)?.kubernetes ?? DEFAULT_KUBERNETES_VERSION,
      istio: declared.get(environment)?.istio ?? DEFAULT_ISTIO_VERSION,
    },
    sources,
  }));
}

/** The PR gate over a render, before anything is written (environments validated in parallel when large). */
export function validateRendered(definition: PlatformDefinition, files: readonly RenderedFile[], out: string): Promise<ValidationReport> {
  return validateInParallel(renderedGroups(definition, files, out));
}

import { DEFAULT_ISTIO_VERSION, DEFAULT_KUBERNETES_VERSION, type PlatformDefinition } from "@cloudlab/model";
import type { RenderedFile } from "@cloudlab/render";
import { validateGroups, type ManifestSource, type ValidationReport } from "@cloudlab/validate";

const KUSTOMIZATION = /(^|\/)kustomization\.ya?ml$/;

/**
 * The PR gate over a render, before anything is written: the rendered files of each environment validated together,
 * at the environment's Kubernetes and Istio versions. Files are named as they will be written (`<out>/<path>`).
 */
export function validateRendered(definition: PlatformDefinition, files: readonly RenderedFile[], out: string): ValidationReport {
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
  return validateGroups(
    [...byEnvironment].map(([environment, sources]) => ({
      environment,
      versions: {
        kubernetes: declared.get(environment)?.kubernetes ?? DEFAULT_KUBERNETES_VERSION,
        istio: declared.get(environment)?.istio ?? DEFAULT_ISTIO_VERSION,
      },
      sources,
    })),
  );
}

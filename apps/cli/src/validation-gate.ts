import { DEFAULT_ISTIO_VERSION, DEFAULT_KUBERNETES_VERSION, type PlatformDefinition, type ResolvedEnvironment } from "@cloudlab/model";
import type { RenderedFile } from "@cloudlab/render";
import type { ManifestSource, ValidationGroup } from "@cloudlab/validate";

const KUSTOMIZATION = /(^|\/)kustomization\.ya?ml$/;

/** The output folder as findings name it: forward slashes, no trailing slash (files are `<prefix>/<env>/…`). */
export function outputPrefix(out: string): string {
  return out.replace(/\\/g, "/").replace(/\/+$/, "");
}

function source(prefix: string, file: RenderedFile, documents?: ReadonlyMap<string, unknown>): ManifestSource {
  const document = documents?.get(file.path);
  return { file: `${prefix}/${file.path}`, content: file.content, ...(document === undefined ? {} : { documents: [document] }) };
}

/**
 * One rendered environment as the gate validates it: at the environment's Kubernetes and Istio versions, files named
 * as they will be written (`<out>/<path>`), each with the object it was written from when `documents` has it.
 */
export function environmentGroup(
  environment: Pick<ResolvedEnvironment, "name" | "versions">,
  files: readonly RenderedFile[],
  out: string,
  documents?: ReadonlyMap<string, unknown>,
): ValidationGroup {
  const prefix = outputPrefix(out);
  return {
    environment: environment.name,
    versions: environment.versions,
    sources: files.filter((f) => !KUSTOMIZATION.test(f.path)).map((f) => source(prefix, f, documents)),
  };
}

/**
 * The rendered files as the gate validates them: one group per environment, at the environment's Kubernetes and
 * Istio versions, files named as they will be written (`<out>/<path>`).
 */
export function renderedGroups(definition: PlatformDefinition, files: readonly RenderedFile[], out: string): ValidationGroup[] {
  const byEnvironment = new Map<string, RenderedFile[]>();
  for (const file of files) {
    const environment = file.path.split("/")[0]!;
    const list = byEnvironment.get(environment);
    if (list === undefined) byEnvironment.set(environment, [file]);
    else list.push(file);
  }
  const declared = new Map(definition.environments.map(({ spec }) => [spec.name, spec.versions]));
  return [...byEnvironment].map(([name, envFiles]) =>
    environmentGroup(
      {
        name,
        versions: {
          kubernetes: declared.get(name)?.kubernetes ?? DEFAULT_KUBERNETES_VERSION,
          istio: declared.get(name)?.istio ?? DEFAULT_ISTIO_VERSION,
        },
      },
      envFiles,
      out,
    ),
  );
}

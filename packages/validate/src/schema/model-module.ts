import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/**
 * The module exporting a kubernetes-models class (`@kubernetes-models/istio/networking.istio.io/v1beta1/Gateway`),
 * loaded synchronously as the renderer imports it: its ES module build, through `require()` of an ES module (Node
 * 20.19+, 22.12+). A package's CommonJS and ES module builds are two module instances, and the packages whose
 * validators compile their JSON Schema at run time (`@kubernetes-models/validate` 3) hold one ajv per instance: the
 * gate taking the CommonJS build compiled every schema the render had compiled a second time. On a Node that cannot
 * `require()` an ES module, the CommonJS build (the same verdicts, compiled twice).
 *
 * The compiled CLI replaces this module (apps/cli/scripts/kubernetes-models-validators.mjs) with one that takes the
 * packages it rebuilt with their validators compiled ahead of time from `dist/`, as the renderer's bundle does.
 */
export function modelModule(specifier: string): Record<string, unknown> {
  if (process.features.require_module !== true) return require(specifier) as Record<string, unknown>;
  return require(fileURLToPath(import.meta.resolve(specifier))) as Record<string, unknown>;
}

import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/**
 * Whether `require()` of an ES module gives Node's own instance of it: not where a loader hooks `require()` (tsx's
 * CommonJS loader, registered to load the platform's TypeScript, compiles the ES module into a CommonJS copy), where
 * the package's CommonJS build is the cheaper copy. Decided by the first model loaded.
 */
let nativeModules: boolean | undefined;

/**
 * The module exporting a kubernetes-models class (`@kubernetes-models/istio/networking.istio.io/v1beta1/Gateway`),
 * loaded synchronously as the renderer imports it: its ES module build, through `require()` of an ES module (Node
 * 20.19+, 22.12+). A package's CommonJS and ES module builds are two module instances, and the packages whose
 * validators compile their JSON Schema at run time (`@kubernetes-models/validate` 3) hold one ajv per instance: the
 * gate taking the CommonJS build compiled every schema the render had compiled a second time. On a Node that cannot
 * `require()` an ES module, or where a loader hooks `require()`, the CommonJS build (the same verdicts).
 *
 * The compiled CLI replaces this module (apps/cli/scripts/kubernetes-models-validate/precompile.mjs): there the render
 * and the gate both take the CommonJS builds, and those packages' validators are compiled ahead of time.
 */
export function modelModule(specifier: string): Record<string, unknown> {
  if (nativeModules !== false && process.features.require_module === true) {
    const loaded = require(fileURLToPath(import.meta.resolve(specifier))) as Record<string, unknown>;
    nativeModules ??= Object.prototype.toString.call(loaded) === "[object Module]";
    if (nativeModules) return loaded;
  }
  return require(specifier) as Record<string, unknown>;
}

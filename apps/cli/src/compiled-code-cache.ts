import { fileURLToPath } from "node:url";
import { installCompileCache } from "./compile-cache.ts";

/** The kubernetes-models packages' files (their classes, schemas and validators), wherever npm installed them. */
const MODEL_PACKAGES = /[\\/]node_modules[\\/](kubernetes-models|@kubernetes-models)[\\/]/;

/**
 * V8's code cache (compile-cache.ts) for what the compiled CLI loads in bulk: its own CommonJS chunks in `apps/cli/dist/`
 * (the precompiled validators included) and the kubernetes-models packages' files, with the entries under
 * `node_modules/.cache/cloudlab/v8/`. The bin calls it before it loads `dist/main.js`, so that the chunks `main.js`
 * requires go through the cache too; the models' run-time set-up calls it as well, for the worker threads, which the bin
 * does not start. Once per thread; `CLOUDLAB_COMPILE_CACHE=0` turns it off. Only for the compiled CLI: every chunk sits
 * at the top of `apps/cli/dist/`, three folders below the repository's root.
 */
export function installCompiledCodeCache(): void {
  if (process.env.CLOUDLAB_COMPILE_CACHE === "0") return;
  const dist = fileURLToPath(new URL("./", import.meta.url));
  installCompileCache({
    dir: fileURLToPath(new URL("../../../node_modules/.cache/cloudlab/v8/", import.meta.url)),
    includes: (file) => file.startsWith(dist) || MODEL_PACKAGES.test(file),
  });
}

// Test-only preload (`node --import …/trace-module-loads.mjs bin/cloudlab.js …`): writes every module the process
// loaded, one file URL or path a line, to the file named by CLOUDLAB_TRACE_LOADS. ES modules are seen by a load hook
// (in-thread `module.registerHooks` where Node has it, else `module.register`, whose hooks run on their own thread and
// append to the file themselves); CommonJS modules (kubernetes-models, cdk8s, ajv) are read from the require cache at
// exit.
import { appendFileSync } from "node:fs";
import * as nodeModule from "node:module";

const file = process.env.CLOUDLAB_TRACE_LOADS;
if (file !== undefined) {
  const loaded = [];
  if (typeof nodeModule.registerHooks === "function") {
    nodeModule.registerHooks({
      load(url, context, nextLoad) {
        loaded.push(url);
        return nextLoad(url, context);
      },
    });
  } else {
    nodeModule.register("./trace-module-loads-hooks.mjs", import.meta.url, { data: { file } });
  }
  const require = nodeModule.createRequire(import.meta.url);
  process.on("exit", () => {
    loaded.push(...Object.keys(require("node:module")._cache));
    appendFileSync(file, loaded.map((entry) => `${entry}\n`).join(""));
  });
}

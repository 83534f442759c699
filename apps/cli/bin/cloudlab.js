#!/usr/bin/env node
// The `cloudlab` command. It runs the compiled CLI (apps/cli/dist/, built by `npm ci`: scripts/build.mjs) when that was
// built from the sources as they are now (bin/build-state.js compares content digests), else the TypeScript sources
// through tsx's loader. CLOUDLAB_FROM_SOURCES=1 forces the sources.
//
// A CommonJS module (bin/package.json): with the compiled CLI, CommonJS too, a command that imports no ES module (`--help`,
// `validate`) never starts Node's ES module loader (8 ms here).
"use strict";
const nodeModule = require("node:module");
const { freshBuild, ROOT } = require("./build-state.js");

// Node 22.1+: V8's code cache of every module this process compiles from here on that the CLI's own cache
// (src/compiled-code-cache.ts: the compiled CLI's chunks and the kubernetes-models files) does not take, kept beside the
// bin's other caches and checked by Node against each file's content: the TypeScript sources' modules and tsx, the
// platform's spec bundle, the small files. Node 20 has no such cache. CLOUDLAB_COMPILE_CACHE=0 turns it off, with the
// CLI's own.
let nodeCompileCache = false;
if (typeof nodeModule.enableCompileCache === "function" && process.env.CLOUDLAB_COMPILE_CACHE !== "0") {
  try {
    nodeModule.enableCompileCache(`${ROOT}node_modules/.cache/cloudlab/node-compile-cache`);
    nodeCompileCache = true;
  } catch {
    // A cache that cannot be made (a read-only install) only means compiling every time.
  }
}

// A closed pipe (`cloudlab … | head`) ends the output quietly instead of crashing.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}

async function loadMain() {
  if (process.env.CLOUDLAB_FROM_SOURCES !== "1" && freshBuild() !== undefined) {
    // The compiled CLI is CommonJS (scripts/build.mjs). V8's code cache first, so that main.js and the chunks it
    // requires compile with it (src/compiled-code-cache.ts).
    require("../dist/compiled-code-cache.js").installCompiledCodeCache();
    return require("../dist/main.js").main;
  }
  // Both loaders: platform files may sit in an ESM package or a CommonJS one.
  const [{ register }, { register: registerCommonJs }] = await Promise.all([import("tsx/esm/api"), import("tsx/cjs/api")]);
  register();
  registerCommonJs();
  return (await import("../src/main.ts")).main;
}

/**
 * Ends the process once the output is flushed, rather than when the event loop empties: Node would first wait for
 * anything a spec file left running (a timer, a socket: `--timeout`) and for V8's background work, such as a
 * concurrent major garbage collection it had just started (about 20 ms of `validate <one file>`; docs/performance.md,
 * session 9). The command has awaited all its own work; its output is flushed when each stream has called back an
 * empty write (at once where writes are synchronous: files, and pipes and terminals on Linux). Exit handlers still run
 * (the code cache's entries), and Node's own compile cache is written first.
 */
function exitWhenFlushed() {
  let pending = 2;
  const flushed = () => {
    if (--pending > 0) return;
    if (nodeCompileCache) nodeModule.flushCompileCache?.();
    process.exit();
  };
  process.stdout.write("", flushed);
  process.stderr.write("", flushed);
  // A stream that never calls back (a pipe whose reader stopped reading) does not keep the process.
  setTimeout(() => process.exit(), 1_000).unref();
}

async function run() {
  const main = await loadMain();
  process.exitCode = await main(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
  exitWhenFlushed();
}

// A failure here (the CLI's own errors are caught in main) is a crash, as an uncaught error at the top level would be.
run().catch((error) => {
  process.nextTick(() => {
    throw error;
  });
});

import { Worker } from "node:worker_threads";
import { COMPILED } from "./compiled-code.ts";

/**
 * Starts a worker thread running the CLI module `name` (`synthesize-worker`, a `src/*-worker.ts` file): compiled, its
 * bundle entry beside this code; from sources, through `worker-bootstrap.mjs`, which registers tsx first (a worker does
 * not inherit the main thread's loader).
 */
export function startWorker(name: string, workerData: Record<string, unknown>): Worker {
  if (COMPILED) return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData });
  return new Worker(new URL("./worker-bootstrap.mjs", import.meta.url), { workerData: { ...workerData, entry: new URL(`./${name}.ts`, import.meta.url).href } });
}

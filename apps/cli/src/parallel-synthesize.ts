import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { PlatformDefinition } from "@cloudlab/model";
import { synthesize, type Synthesis, type SynthesizeOptions } from "@cloudlab/render";

/**
 * Below this many service renders (services × environments) one thread is faster: a worker first spends about half a
 * second loading the renderer (docs/performance.md).
 */
export const PARALLEL_THRESHOLD = 800;

function merge(parts: readonly Synthesis[], order: readonly string[]): Synthesis {
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const rank = (name: string) => order.indexOf(name);
  return {
    specErrors: parts[0]!.specErrors,
    unknownEnvironments: parts[0]!.unknownEnvironments,
    declaredEnvironments: parts[0]!.declaredEnvironments,
    renderProblems: parts.flatMap((p) => p.renderProblems),
    environments: parts.flatMap((p) => p.environments).sort((a, b) => rank(a) - rank(b)),
    files: parts.flatMap((p) => p.files).sort(byPath),
    capacity: parts.flatMap((p) => p.capacity).sort((a, b) => rank(a.environment) - rank(b.environment)),
  };
}

/**
 * `synthesize`, with the environments split between this thread and a worker thread when the platform is large
 * enough to pay for it (environments are independent). The result is the same as `synthesize`'s, byte for byte.
 */
export async function synthesizeInParallel(definition: PlatformDefinition, options: SynthesizeOptions = {}): Promise<Synthesis> {
  // The split needs only the environments' names: each thread's `synthesize` checks and resolves the platform itself,
  // and a platform with errors renders nothing in either (both report the same errors).
  const named = definition.environments.map((e) => (e.spec as { name?: unknown } | null)?.name).filter((n): n is string => typeof n === "string");
  const wanted = options.environments ?? named;
  const renders = definition.services.length * wanted.length;
  if (wanted.length < 2 || availableParallelism() < 2 || renders < PARALLEL_THRESHOLD || wanted.some((name) => !named.includes(name))) {
    return synthesize(definition, options);
  }
  const mine = wanted.filter((_, i) => i % 2 === 0);
  const theirs = wanted.filter((_, i) => i % 2 === 1);
  const worker = new Worker(new URL("./worker-bootstrap.mjs", import.meta.url), {
    workerData: { entry: new URL("./synthesize-worker.ts", import.meta.url).href, definition, environments: theirs },
  });
  const fromWorker = new Promise<Synthesis>((resolveResult, reject) => {
    worker.once("message", resolveResult);
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`the render worker exited with code ${code}`)));
  });
  const here = synthesize(definition, { environments: mine });
  const there = await fromWorker;
  await worker.terminate();
  return merge([here, there], here.declaredEnvironments);
}

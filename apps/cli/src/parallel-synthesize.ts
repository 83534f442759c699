import { availableParallelism } from "node:os";
import type { PlatformDefinition } from "@cloudlab/model";
import { compareFindings } from "@cloudlab/validate";
import { declaredEnvironmentNames, synthesizeAndGate, type GatedSynthesis, type GatedSynthesisOptions } from "./gated-synthesis.ts";
import { startWorker } from "./worker-thread.ts";

/**
 * Below this many service renders (services × environments) the render worker does not pay: it first spends a second
 * or two loading the renderer and compiling schemas, and its results are copied back. Measured cold synths, one
 * thread vs two: 1000 services × 4 environments 10.98 vs 10.69 s, 2000 × 4 21.8 vs 21.3 s, 3000 × 4 33.5 vs 27.7 s;
 * the worker's heap added 100–600 MiB of peak RSS (docs/performance.md).
 */
export const PARALLEL_THRESHOLD = 12_000;

function merge(parts: readonly GatedSynthesis[], order: readonly string[]): GatedSynthesis {
  const rank = (name: string) => order.indexOf(name);
  const problems = parts.flatMap((p) => p.renderProblems);
  const base = { specErrors: parts[0]!.specErrors, unknownEnvironments: parts[0]!.unknownEnvironments, declaredEnvironments: parts[0]!.declaredEnvironments };
  if (problems.length > 0) return { ...base, renderProblems: problems, findings: [], resources: 0, capacity: [], outputs: [], cost: [] };
  return {
    ...base,
    renderProblems: [],
    findings: parts.flatMap((p) => p.findings).sort(compareFindings),
    resources: parts.reduce((n, p) => n + p.resources, 0),
    capacity: parts.flatMap((p) => p.capacity).sort((a, b) => rank(a.environment) - rank(b.environment)),
    outputs: parts.flatMap((p) => p.outputs).sort((a, b) => rank(a.environment) - rank(b.environment)),
    cost: parts.flatMap((p) => p.cost).sort((a, b) => rank(a.environment) - rank(b.environment)),
  };
}

/**
 * {@link synthesizeAndGate}, with the environments split between this thread and a worker thread when the platform is
 * large enough to pay for it (environments are independent) and is not re-rendered from records (an incremental
 * render is small: a worker would cost more than it saves). The result is the same as on one thread.
 */
export async function synthesizeInParallel(
  definition: PlatformDefinition,
  options: GatedSynthesisOptions,
  threshold: number = PARALLEL_THRESHOLD,
): Promise<GatedSynthesis> {
  // The split needs only the environments' names: each thread checks and resolves the platform itself, and a platform
  // with errors renders nothing in either (both report the same errors).
  const named = declaredEnvironmentNames(definition);
  const wanted = options.environments ?? named;
  const renders = definition.services.length * wanted.length;
  const incremental = wanted.every((name) => options.previous?.has(name) === true);
  if (incremental || wanted.length < 2 || availableParallelism() < 2 || renders < threshold || wanted.some((name) => !named.includes(name))) {
    return synthesizeAndGate(definition, options);
  }
  const mine = wanted.filter((_, i) => i % 2 === 0);
  const theirs = wanted.filter((_, i) => i % 2 === 1);
  const worker = startWorker("synthesize-worker", { definition, options: { ...options, environments: theirs } });
  const fromWorker = new Promise<GatedSynthesis>((resolveResult, reject) => {
    worker.once("message", resolveResult);
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`the render worker exited with code ${code}`)));
  });
  const here = await synthesizeAndGate(definition, { ...options, environments: mine });
  const there = await fromWorker;
  await worker.terminate();
  return merge([here, there], here.declaredEnvironments);
}

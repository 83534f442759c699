import { availableParallelism } from "node:os";
import { compareFindings, validateGroups, type RuleLevel, type ValidationGroup, type ValidationReport } from "@cloudlab/validate";
import { startWorker } from "./worker-thread.ts";

/**
 * Below this many files one thread is faster: a worker first spends a second or more loading tsx, the YAML parser and
 * the gate's few hundred rules, and reading a file now costs only about 0.15 ms (bench, docs/performance.md: 46,065
 * files took 7.7 s on one thread and 10.9 s on two). Larger platforms were not measured since.
 */
export const PARALLEL_VALIDATE_THRESHOLD = 150_000;

/** The options a worker can receive (plain data). */
export interface ParallelValidateOptions {
  readonly strict?: boolean;
  readonly levels?: Readonly<Record<string, RuleLevel>>;
}

function fileCount(groups: readonly ValidationGroup[]): number {
  return groups.reduce((n, g) => n + g.sources.length, 0);
}

/** Splits groups into two halves of about the same number of files (groups are never split: analysis needs all of one). */
function split(groups: readonly ValidationGroup[]): [ValidationGroup[], ValidationGroup[]] {
  const halves: [ValidationGroup[], ValidationGroup[]] = [[], []];
  let difference = 0; // files in the first half minus files in the second
  for (const group of [...groups].sort((a, b) => b.sources.length - a.sources.length)) {
    if (difference <= 0) {
      halves[0].push(group);
      difference += group.sources.length;
    } else {
      halves[1].push(group);
      difference -= group.sources.length;
    }
  }
  return halves;
}

/**
 * `validateGroups`, with the groups split between this thread and a worker thread when there are enough files to pay
 * for it (groups are independent). The report is the same as `validateGroups`'s.
 */
export async function validateInParallel(
  groups: readonly ValidationGroup[],
  options: ParallelValidateOptions = {},
  threshold: number = PARALLEL_VALIDATE_THRESHOLD,
): Promise<ValidationReport> {
  if (groups.length < 2 || availableParallelism() < 2 || fileCount(groups) < threshold) return validateGroups(groups, options);
  const [mine, theirs] = split(groups);
  const worker = startWorker("validate-worker", { groups: theirs, options });
  const fromWorker = new Promise<ValidationReport>((resolveReport, reject) => {
    worker.once("message", resolveReport);
    worker.once("error", reject);
    worker.once("exit", (code) => code !== 0 && reject(new Error(`the validation worker exited with code ${code}`)));
  });
  const here = validateGroups(mine, options);
  const there = await fromWorker;
  await worker.terminate();
  return { findings: [...here.findings, ...there.findings].sort(compareFindings), files: here.files + there.files, resources: here.resources + there.resources };
}

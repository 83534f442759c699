// A worker thread that validates some groups of files (see parallel-validate.ts).
import { parentPort, workerData } from "node:worker_threads";
import { validateGroups, type ValidationGroup } from "@cloudlab/validate";
import type { ParallelValidateOptions } from "./parallel-validate.ts";

const { groups, options } = workerData as { groups: ValidationGroup[]; options: ParallelValidateOptions };
parentPort!.postMessage(validateGroups(groups, options));

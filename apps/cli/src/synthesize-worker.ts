// A worker thread that renders and gates some environments of a platform (see parallel-synthesize.ts).
import { parentPort, workerData } from "node:worker_threads";
import type { PlatformDefinition } from "@cloudlab/model";
import { synthesizeAndGate, type GatedSynthesisOptions } from "./gated-synthesis.ts";

const { definition, options } = workerData as { definition: PlatformDefinition; options: GatedSynthesisOptions };
parentPort!.postMessage(await synthesizeAndGate(definition, options));

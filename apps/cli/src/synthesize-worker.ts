// A worker thread that renders and gates some environments of a platform (see parallel-synthesize.ts).
import { parentPort, workerData } from "node:worker_threads";
import type { PlatformDefinition } from "@cloudlab/model";
import { synthesizeAndGate, type GatedSynthesisOptions } from "./gated-synthesis.ts";

const { definition, options } = workerData as { definition: PlatformDefinition; options: GatedSynthesisOptions };
// No top-level `await`: the compiled CLI's modules are CommonJS (scripts/build.mjs). A rejection is unhandled, so it
// ends the thread with the error, as a top-level `await` would (the parent's "error" event).
void synthesizeAndGate(definition, options).then((gated) => parentPort!.postMessage(gated));

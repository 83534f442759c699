// A worker thread that renders some environments of a platform (see parallel-synthesize.ts).
import { parentPort, workerData } from "node:worker_threads";
import type { PlatformDefinition } from "@cloudlab/model";
import { synthesize } from "@cloudlab/render";

const { definition, environments } = workerData as { definition: PlatformDefinition; environments: string[] };
parentPort!.postMessage(synthesize(definition, { environments }));

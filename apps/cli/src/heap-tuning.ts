import { setFlagsFromString } from "node:v8";

/**
 * The young generation's semi-space limit, in MiB. A render allocates many short-lived objects (construct trees,
 * JSON, YAML text): V8's default limit (16 MiB) has it collect the young generation very often. 32 MiB made a
 * 1000-service synth faster for about 10 MiB more peak RSS; 64 MiB was a little faster still but took 150 MiB more
 * with two threads, past the 1 GiB goal (docs/performance.md).
 */
export const SEMI_SPACE_MIB = 32;

/** Raises the semi-space limit for this process and the worker threads it starts (call before the heavy work). */
export function tuneHeap(): void {
  setFlagsFromString(`--max-semi-space-size=${SEMI_SPACE_MIB}`);
}

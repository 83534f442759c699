import type { Manifest, ObjectFinding } from "./manifest.ts";
import { mtlsNeverRelaxed } from "./mtls-never-relaxed.ts";
import { promqlValid } from "./promql-valid.ts";

export { objectId, selects, type Manifest, type ObjectFinding } from "./manifest.ts";
export { mtlsNeverRelaxed } from "./mtls-never-relaxed.ts";
export { promqlValid } from "./promql-valid.ts";

/**
 * The analyses every render runs over all objects of an environment before anything is written. Route targets (hosts,
 * subsets, their pods) are not among them: the gate's istioctl-style analysis (`@cloudlab/validate`, IST0101 and
 * IST0173) judges them on every synth, so there is one analysis of that concern.
 */
export const RENDER_ANALYSES: readonly ((manifests: readonly Manifest[]) => ObjectFinding[])[] = [mtlsNeverRelaxed, promqlValid];

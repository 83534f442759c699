import type { Manifest, ObjectFinding } from "./manifest.ts";
import { mtlsNeverRelaxed } from "./mtls-never-relaxed.ts";
import { promqlValid } from "./promql-valid.ts";
import { routeTargetsExist } from "./route-targets-exist.ts";

export { objectId, selects, type Manifest, type ObjectFinding } from "./manifest.ts";
export { mtlsNeverRelaxed } from "./mtls-never-relaxed.ts";
export { routeTargetsExist } from "./route-targets-exist.ts";
export { promqlValid } from "./promql-valid.ts";

/** The analyses every render runs over all objects of an environment before anything is written. */
export const RENDER_ANALYSES: readonly ((manifests: readonly Manifest[]) => ObjectFinding[])[] = [mtlsNeverRelaxed, routeTargetsExist, promqlValid];

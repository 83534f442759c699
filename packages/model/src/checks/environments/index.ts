import { distinctNetwork } from "./distinct-network.check.ts";
import type { EnvironmentsCheck } from "./environments-check.ts";
import { onePrimary } from "./one-primary.check.ts";
import { uniqueCluster } from "./unique-cluster.check.ts";
import { uniqueRegion } from "./unique-region.check.ts";
import { warmStandby } from "./warm-standby.check.ts";

export type { CheckedEnvironment, EnvironmentsCheck, EnvironmentsCheckContext } from "./environments-check.ts";

/** Every cross-environment check, in the order they run. */
export const ENVIRONMENTS_CHECKS: readonly EnvironmentsCheck[] = [onePrimary, uniqueRegion, distinctNetwork, uniqueCluster, warmStandby];

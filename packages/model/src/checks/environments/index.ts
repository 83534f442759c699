import { defaultResources } from "./default-resources.check.ts";
import { distinctNetwork } from "./distinct-network.check.ts";
import { eksCluster } from "./eks-cluster.check.ts";
import type { EnvironmentsCheck } from "./environments-check.ts";
import { gkeCluster } from "./gke-cluster.check.ts";
import { ingressNamespace } from "./ingress-namespace.check.ts";
import { kubernetesVersion } from "./kubernetes-version.check.ts";
import { onePrimary } from "./one-primary.check.ts";
import { uniqueCluster } from "./unique-cluster.check.ts";
import { uniqueRegion } from "./unique-region.check.ts";
import { warmStandby } from "./warm-standby.check.ts";

export type { CheckedEnvironment, EnvironmentsCheck, EnvironmentsCheckContext } from "./environments-check.ts";

/** Every environment check (each cluster's provider rules, then the rules of the environments together), in the order they run. */
export const ENVIRONMENTS_CHECKS: readonly EnvironmentsCheck[] = [eksCluster, gkeCluster, kubernetesVersion, defaultResources, ingressNamespace, onePrimary, uniqueRegion, distinctNetwork, uniqueCluster, warmStandby];

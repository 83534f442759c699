import type { ResolvedEnvironment } from "@cloudlab/model";
import type { Addon } from "./addons.ts";

/** The namespace of the Argo Rollouts controller. */
export const ARGO_ROLLOUTS_NAMESPACE = "argo-rollouts";

/** The Argo Rollouts chart, pinned (argoproj/argo-helm). */
export const ARGO_ROLLOUTS_CHART = { repoUrl: "https://argoproj.github.io/argo-helm", repoName: "argo", chart: "argo-rollouts", version: "2.35.1" } as const;

/**
 * The traffic providers the chart can grant the controller access to. Only Istio's is granted: the controller then
 * may get, list, watch, update and patch VirtualServices and DestinationRules (to set weights and subset hashes),
 * and nothing of the other meshes and ingress controllers.
 */
const OTHER_PROVIDERS = ["smi", "ambassador", "awsLoadBalancerController", "awsAppMesh", "traefik", "apisix", "contour", "glooPlatform"] as const;

/**
 * Argo Rollouts: the controller that runs the canary and blue-green Rollouts and their analyses, in every cluster (a
 * DR cluster runs the same Rollouts). Its CRDs are large, so it is applied server-side; no dashboard (the
 * `kubectl argo rollouts` plugin and Argo CD show Rollouts).
 */
export function argoRolloutsAddon(environment: ResolvedEnvironment): Addon {
  return {
    name: "argo-rollouts",
    namespace: ARGO_ROLLOUTS_NAMESPACE,
    source: { kind: "helm", ...ARGO_ROLLOUTS_CHART },
    wave: -3,
    serverSideApply: true,
    dependsOn: ["istio-base"],
    values: {
      installCRDs: true,
      controller: { replicas: environment.stage === "prod" ? 2 : 1 },
      dashboard: { enabled: false },
      providerRBAC: { enabled: true, providers: { istio: true, ...Object.fromEntries(OTHER_PROVIDERS.map((p) => [p, false])) } },
    },
  };
}

import type { ResolvedEnvironment, ResolvedService } from "@cloudlab/model";
import { DEFAULT_ROUTE, defaultRouteNames, ingressVirtualServiceName } from "../objects/virtual-service.ts";
import { previewServiceName } from "../objects/rollout-names.ts";

/** The label Argo Rollouts adds to Service selectors and DestinationRule subsets to pin them to one ReplicaSet. */
export const POD_TEMPLATE_HASH_LABEL = "rollouts-pod-template-hash";

/** One field Argo Rollouts owns in a rendered object, as an Argo CD `ignoreDifferences` entry. */
export interface RolloutManagedField {
  readonly group: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly jqPathExpressions: readonly string[];
}

/**
 * What Argo Rollouts changes in the objects the generator renders for a service, so that Argo CD neither reports
 * them OutOfSync nor (self-healing) puts them back mid-release: a canary's weights on the default route of its
 * VirtualServices and the pod-template hash it adds to the `stable`/`canary` subsets; a blue-green's hash in the
 * active and preview Services' selectors. Nothing for a service delivered by weights.
 */
export function rolloutManagedFields(service: ResolvedService, environment: ResolvedEnvironment): RolloutManagedField[] {
  const strategy = service.delivery.strategy;
  const at = { namespace: service.tenant };
  const hash = `"${POD_TEMPLATE_HASH_LABEL}"`;
  if (strategy === "canary") {
    const weights = (routes: readonly string[]) => `.spec.http[] | select(${routes.map((route) => `.name == "${route}"`).join(" or ")}) | .route[].weight`;
    const virtualServices: [string, readonly string[]][] = [
      [service.name, defaultRouteNames(service)],
      ...(service.ingress !== undefined && environment.mesh.ingress.mode === "istio" ? [[ingressVirtualServiceName(service), [DEFAULT_ROUTE]] as [string, readonly string[]]] : []),
    ];
    return [
      { group: "networking.istio.io", kind: "DestinationRule", name: service.name, ...at, jqPathExpressions: [`.spec.subsets[].labels[${hash}]`] },
      ...virtualServices.map(([name, routes]) => ({ group: "networking.istio.io", kind: "VirtualService", name, ...at, jqPathExpressions: [weights(routes)] })),
    ];
  }
  if (strategy === "blue-green") {
    return [service.name, previewServiceName(service)].map((name) => ({ group: "", kind: "Service", name, ...at, jqPathExpressions: [`.spec.selector[${hash}]`] }));
  }
  return [];
}

import type { ResolvedEnvironment, ResolvedService } from "@cloudlab/model";

/** The cluster-local DNS name of a service: the host every mesh object refers to. */
export function serviceHost(service: { readonly name: string; readonly tenant: string }): string {
  return `${service.name}.${service.tenant}.svc.cluster.local`;
}

/** The SPIFFE principal of a service's workloads, as AuthorizationPolicies name it. */
export function servicePrincipal(service: ResolvedService): string {
  return `cluster.local/ns/${service.tenant}/sa/${service.serviceAccountName}`;
}

/** The name of the environment's ingress gateway (Gateway API `Gateway` or Istio `Gateway`). */
export const INGRESS_GATEWAY_NAME = "platform-gateway";

/**
 * The service account the ingress gateway's pods run as: Istio names an automatically deployed Gateway API gateway's
 * account `<gateway>-istio`; the Istio gateway chart installed as `istio-ingressgateway` uses that name.
 */
export function ingressGatewayPrincipal(environment: ResolvedEnvironment): string {
  const ingress = environment.mesh.ingress;
  const account = ingress.mode === "gateway-api" ? `${INGRESS_GATEWAY_NAME}-istio` : "istio-ingressgateway";
  return `cluster.local/ns/${ingress.namespace}/sa/${account}`;
}

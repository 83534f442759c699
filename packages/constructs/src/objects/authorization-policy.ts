import type { ResolvedEnvironment, ResolvedService, ResolvedTenant } from "@cloudlab/model";
import { AuthorizationPolicy } from "@kubernetes-models/istio/security.istio.io/v1beta1/AuthorizationPolicy";
import { serviceLabels, serviceSelector, tenantLabels } from "../labels.ts";
import { ingressGatewayPrincipal } from "./mesh-names.ts";

/** Deny by default: an ALLOW policy without rules matches nothing, so only the per-service policies let requests in. */
export function buildDenyAllAuthorizationPolicy(tenant: ResolvedTenant): AuthorizationPolicy {
  return new AuthorizationPolicy({
    metadata: { name: "deny-all", namespace: tenant.name, labels: tenantLabels(tenant) },
    spec: {},
  });
}

const principalOf = (tenant: string, serviceAccount: string) => `cluster.local/ns/${tenant}/sa/${serviceAccount}`;

/**
 * The service's ALLOW policy: one rule per `accepts` rule, from the principals of the callers it covers (the
 * declared call graph, running in this environment), plus the ingress gateway for an edge service. `undefined` when
 * nothing may call the service.
 */
export function buildServiceAuthorizationPolicy(
  service: ResolvedService,
  environment: ResolvedEnvironment,
  serviceAccountOf: (tenant: string, service: string) => string,
): AuthorizationPolicy | undefined {
  const rules = service.accepts.map((rule) => {
    const principals = rule.from.map((c) => principalOf(c.tenant, serviceAccountOf(c.tenant, c.service))).sort();
    const operation = {
      ...(rule.paths.length > 0 ? { paths: [...rule.paths] } : {}),
      ...(rule.methods.length > 0 ? { methods: [...rule.methods] } : {}),
      ...(rule.ports.length > 0 ? { ports: rule.ports.map(String) } : {}),
    };
    return {
      from: [{ source: { principals } }],
      ...(Object.keys(operation).length > 0 ? { to: [{ operation }] } : {}),
    };
  });
  if (service.ingress !== undefined) {
    rules.push({
      from: [{ source: { principals: [ingressGatewayPrincipal(environment)] } }],
      to: [{ operation: { ports: [String(service.ingress.port.targetPort)] } }],
    });
  }
  if (rules.length === 0) return undefined;
  return new AuthorizationPolicy({
    metadata: { name: service.name, namespace: service.tenant, labels: serviceLabels(service) },
    spec: { selector: { matchLabels: serviceSelector(service) }, action: "ALLOW", rules },
  });
}

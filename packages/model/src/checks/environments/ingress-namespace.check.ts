import { environmentError, listed, type EnvironmentsCheck } from "./environments-check.ts";

/** istiod's namespace, which the platform renders itself. */
export const ISTIO_CONTROL_PLANE_NAMESPACE = "istio-system";

/**
 * The ingress gateway gets a namespace of its own (at the Pod Security level its pods need): named like a tenant's or
 * istiod's, that namespace would be declared twice (the render stopped with an exception before this check), and the
 * gateway would share its policies and quota.
 */
export const ingressNamespace: EnvironmentsCheck = {
  id: "environments/ingress-namespace",
  description: "The ingress gateway's namespace is neither a tenant's nor istiod's.",
  check({ environments, tenants }) {
    return environments.flatMap((environment) => {
      const namespace = environment.resolved.mesh.ingress.namespace;
      const path = "mesh.ingress.namespace";
      if (namespace === ISTIO_CONTROL_PLANE_NAMESPACE) {
        return [environmentError(environment, path, `"${namespace}" is istiod's namespace: the ingress gateway needs a namespace of its own (default "istio-ingress")`)];
      }
      const owners = tenants.filter((tenant) => tenant.spec.name === namespace).map((tenant) => `tenant ${tenant.spec.name} (${tenant.file})`);
      if (owners.length === 0) return [];
      return [environmentError(environment, path, `"${namespace}" is the namespace of ${listed(owners)}: the ingress gateway needs a namespace of its own (default "istio-ingress")`)];
    });
  },
};

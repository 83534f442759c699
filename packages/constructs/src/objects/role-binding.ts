import type { ResolvedService } from "@cloudlab/model";
import { RoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding";
import { serviceLabels } from "../labels.ts";

/** Binds a service's Role to its ServiceAccount; `undefined` for a service without API access. */
export function buildRoleBinding(service: ResolvedService): RoleBinding | undefined {
  const access = service.apiAccess;
  if (access === undefined) return undefined;
  return new RoleBinding({
    metadata: { name: access.roleBindingName, namespace: service.tenant, labels: serviceLabels(service) },
    roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: access.roleName },
    subjects: [{ kind: "ServiceAccount", name: service.serviceAccountName, namespace: service.tenant }],
  });
}

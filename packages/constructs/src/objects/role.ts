import type { ResolvedService } from "@cloudlab/model";
import { Role } from "kubernetes-models/rbac.authorization.k8s.io/v1/Role";
import { serviceLabels } from "../labels.ts";

/** The Role of a service that declares API access: only its rules, only in its namespace; `undefined` otherwise. */
export function buildRole(service: ResolvedService): Role | undefined {
  const access = service.apiAccess;
  if (access === undefined) return undefined;
  return new Role({
    metadata: { name: access.roleName, namespace: service.tenant, labels: serviceLabels(service) },
    rules: access.rules.map((rule) => ({ apiGroups: [...rule.apiGroups], resources: [...rule.resources], verbs: [...rule.verbs] })),
  });
}

import type { ResolvedService } from "@cloudlab/model";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { serviceLabels } from "../labels.ts";

/** The service's own identity (its mesh principal); it gets an API token only when it declares API access. */
export function buildServiceAccount(service: ResolvedService): ServiceAccount {
  return new ServiceAccount({
    metadata: { name: service.serviceAccountName, namespace: service.tenant, labels: serviceLabels(service) },
    automountServiceAccountToken: service.apiAccess !== undefined,
  });
}

import type { ResolvedTenant } from "@cloudlab/model";
import { SchemaCheckedObject } from "../cluster-definition/schema-checked-object.ts";
import { tenantLabels } from "../labels.ts";
import schema from "./schemas/velero-restore.schema.json" with { type: "json" };
import { restoreName, scheduleName, VELERO_NAMESPACE } from "./velero-names.ts";

export interface VeleroRestoreDocument {
  readonly apiVersion: "velero.io/v1";
  readonly kind: "Restore";
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels: Readonly<Record<string, string>> };
  readonly spec: {
    readonly scheduleName: string;
    readonly includedNamespaces: readonly string[];
    readonly includedResources: readonly string[];
    readonly labelSelector: { readonly matchExpressions: readonly { readonly key: string; readonly operator: "In"; readonly values: readonly string[] }[] };
    readonly restorePVs: true;
    readonly existingResourcePolicy: "none";
  };
}

/**
 * The Restore template of a tenant in a DR environment: the volume claims of its stateful services (and their data),
 * from the latest completed backup of the primary's Schedule — with `scheduleName` (what `velero restore create
 * --from-schedule` sets) Velero picks the most recent successful backup of that schedule. Only the claims: every other
 * object of the namespace is rendered and synced by Argo CD. Applied by hand during a failover (`kubectl create -f`,
 * after the standby's empty claims are deleted: Velero never overwrites an existing claim).
 */
export function buildVeleroRestore(tenant: ResolvedTenant, statefulServices: readonly string[], primaryEnvironment: string): SchemaCheckedObject<VeleroRestoreDocument> {
  return new SchemaCheckedObject<VeleroRestoreDocument>(schema, {
    apiVersion: "velero.io/v1",
    kind: "Restore",
    metadata: { name: restoreName(tenant.name, primaryEnvironment), namespace: VELERO_NAMESPACE, labels: tenantLabels(tenant) },
    spec: {
      scheduleName: scheduleName(tenant.name, primaryEnvironment),
      includedNamespaces: [tenant.name],
      includedResources: ["persistentvolumeclaims"],
      // Volume claim templates carry the service's labels, so each claim names its StatefulSet's service.
      labelSelector: { matchExpressions: [{ key: "app.kubernetes.io/name", operator: "In", values: [...statefulServices] }] },
      restorePVs: true,
      existingResourcePolicy: "none",
    },
  });
}

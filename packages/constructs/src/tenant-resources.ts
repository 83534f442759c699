import type { ResolvedTenant } from "@cloudlab/model";
import type { Construct } from "constructs";
import { KubeObject } from "./kube-object.ts";
import { buildNamespace } from "./objects/namespace.ts";
import { ResourceGroup, TENANT_FOLDER } from "./resource-group.ts";

/** Props of {@link TenantResources}. */
export interface TenantResourcesProps {
  /** The tenant, resolved. */
  readonly tenant: ResolvedTenant;
}

/** The objects that belong to a whole tenant, rendered into `<tenant>/_tenant/`. */
export class TenantResources extends ResourceGroup {
  public constructor(scope: Construct, id: string, props: TenantResourcesProps) {
    super(scope, id, `${props.tenant.name}/${TENANT_FOLDER}`, props.tenant.file);
    new KubeObject(this, buildNamespace(props.tenant));
  }
}

import type { ResolvedEnvironment, ResolvedTenant } from "@cloudlab/model";
import type { Construct } from "constructs";
import { KubeObject } from "./kube-object.ts";
import { buildLimitRange } from "./objects/limit-range.ts";
import { buildAllowDnsAndMeshNetworkPolicy, buildDefaultDenyNetworkPolicy } from "./objects/network-policy.ts";
import { buildDenyAllAuthorizationPolicy } from "./objects/authorization-policy.ts";
import { buildNamespacePeerAuthentication } from "./objects/peer-authentication.ts";
import { buildResourceQuota } from "./objects/resource-quota.ts";
import { buildTenantTelemetry } from "./objects/telemetry.ts";
import { ResourceGroup, TENANT_FOLDER } from "./resource-group.ts";
import { tenantObservabilityObjects } from "./observability/observability-objects.ts";
import { tenantExternalSecrets } from "./secrets/tenant-secret-objects.ts";

/** Props of {@link TenantResources}. */
export interface TenantResourcesProps {
  /** The tenant, resolved. */
  readonly tenant: ResolvedTenant;
  /** The environment it is rendered for (its stage defaults size the LimitRange). */
  readonly environment: ResolvedEnvironment;
}

/**
 * The objects that belong to a whole tenant, rendered into `<tenant>/_tenant/`: its quota and limit
 * range, the network policies every pod shares (deny by default; DNS and the mesh control plane allowed), mutual TLS
 * STRICT, deny-by-default authorization and the tenant's tracing sample rate.
 */
export class TenantResources extends ResourceGroup {
  public constructor(scope: Construct, id: string, props: TenantResourcesProps) {
    const { tenant, environment } = props;
    super(scope, id, `${tenant.name}/${TENANT_FOLDER}`, tenant.file);
    const quota = buildResourceQuota(tenant);
    if (quota !== undefined) new KubeObject(this, quota);
    new KubeObject(this, buildLimitRange(tenant, environment));
    new KubeObject(this, buildDefaultDenyNetworkPolicy(tenant));
    new KubeObject(this, buildAllowDnsAndMeshNetworkPolicy(tenant));
    new KubeObject(this, buildNamespacePeerAuthentication(tenant));
    new KubeObject(this, buildDenyAllAuthorizationPolicy(tenant));
    new KubeObject(this, buildTenantTelemetry(tenant, environment));
    for (const object of tenantObservabilityObjects(tenant, environment)) new KubeObject(this, object);
    for (const object of tenantExternalSecrets(tenant, environment)) new KubeObject(this, object);
  }
}

import type { EnvironmentModel } from "@cloudlab/model";
import type { Construct } from "constructs";
import { addonNamespaces } from "./delivery/addons.ts";
import { clusterBackupObjects } from "./backup/backup-objects.ts";
import { KubeObject } from "./kube-object.ts";
import type { ModelObject } from "./model-object.ts";
import { clusterObservabilityObjects } from "./observability/observability-objects.ts";
import { buildGatewayApiGateway, buildHttpsRedirectRoute, buildIngressNamespace, buildIstioIngressGateway } from "./objects/ingress-gateway.ts";
import { buildCrossNetworkGateway } from "./objects/cross-network-gateway.ts";
import { buildLogRetentionCronJob } from "./objects/log-retention.ts";
import { buildNamespace } from "./objects/namespace.ts";
import { buildMeshPeerAuthentication } from "./objects/peer-authentication.ts";
import { buildPlatformNamespaces } from "./objects/platform-namespaces.ts";
import { CLUSTER_FOLDER, ResourceGroup } from "./resource-group.ts";
import { buildClusterIssuer } from "./certificates/cluster-issuer.ts";
import { buildIngressCertificates } from "./certificates/ingress-certificate.ts";
import { buildTenantClusterSecretStore } from "./secrets/cluster-secret-store.ts";

/** Props of {@link ClusterResources}. */
export interface ClusterResourcesProps {
  /** The environment with its services (edge services decide the ingress gateway). */
  readonly model: EnvironmentModel;
}

/** The platform objects of an environment that belong to no tenant. */
export function clusterObjects({ model }: ClusterResourcesProps): ModelObject[] {
  const { environment, services, tenants } = model;
  const gateway = buildGatewayApiGateway(environment, services) ?? buildIstioIngressGateway(environment, services);
  // The Istio ingress gateway add-on installs into the ingress namespace even before any service is exposed, and
  // delivery never creates namespaces (CreateNamespace=false).
  const ingressNamespace = gateway !== undefined || addonNamespaces(environment).includes(environment.mesh.ingress.namespace);
  const objects: (ModelObject | undefined)[] = [
    ...buildPlatformNamespaces(environment, tenants),
    ...tenants.map((tenant) => buildNamespace(tenant, environment)),
    buildMeshPeerAuthentication(),
    buildCrossNetworkGateway(environment),
    ingressNamespace ? buildIngressNamespace(environment) : undefined,
    gateway,
    ...buildIngressCertificates(environment, services),
    buildClusterIssuer(environment),
    ...tenants.map((tenant) => buildTenantClusterSecretStore(tenant, environment)),
    buildHttpsRedirectRoute(environment, services),
    buildLogRetentionCronJob(environment),
    ...clusterObservabilityObjects(model),
    ...clusterBackupObjects(model),
  ];
  return objects.filter((o): o is ModelObject => o !== undefined);
}

/**
 * Platform-owned objects rendered into `_cluster/`: every namespace (tenants' included: tenant projects may not manage
 * cluster-scoped kinds), mesh-wide mutual TLS in `istio-system`, the east-west gateway's cross-network exposure, the
 * ingress gateway, and log retention. Owned by the platform team.
 */
export class ClusterResources extends ResourceGroup {
  public constructor(scope: Construct, id: string, props: ClusterResourcesProps) {
    super(scope, id, CLUSTER_FOLDER, props.model.environment.file);
    for (const object of clusterObjects(props)) new KubeObject(this, object);
  }
}

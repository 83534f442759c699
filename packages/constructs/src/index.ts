export { EnvironmentChart, type EnvironmentChartProps } from "./environment-chart.ts";
export { ServiceResources, serviceObjects, type ServiceResourcesProps } from "./service-resources.ts";
export { buildCallGraph, type CallGraph } from "./call-graph.ts";
export { TenantResources, type TenantResourcesProps } from "./tenant-resources.ts";
export { ResourceGroup, CLUSTER_FOLDER, TENANT_FOLDER, ENVIRONMENT_UNIT, serviceUnit } from "./resource-group.ts";
export { KubeObject } from "./kube-object.ts";
export { validationMessages, type ModelObject } from "./model-object.ts";
export * from "./labels.ts";
export { buildNamespace } from "./objects/namespace.ts";
export { buildServiceAccount } from "./objects/service-account.ts";
export { buildDeployment } from "./objects/deployment.ts";
export { buildRollout, BLUE_GREEN_SCALE_DOWN_DELAY_SECONDS } from "./objects/rollout.ts";
export { buildAnalysisTemplate, ANALYSIS_FAILURE_LIMIT, POST_PROMOTION_MEASUREMENTS } from "./objects/analysis-template.ts";
export {
  analysisTemplateName,
  imageRevision,
  previewServiceName,
  CANARY_SUBSET,
  CANONICAL_REVISION_LABEL,
  REVISION_ARG,
  STABLE_SUBSET,
} from "./objects/rollout-names.ts";
export { buildStatefulSet } from "./objects/stateful-set.ts";
export { buildService, buildHeadlessService, buildVersionService, buildPreviewService, headlessServiceName, istioPortName } from "./objects/kube-service.ts";
export { buildHorizontalPodAutoscaler } from "./objects/horizontal-pod-autoscaler.ts";
export { buildContainer } from "./objects/container.ts";
export { buildPodTemplate } from "./objects/pod-template.ts";
export { buildProbe } from "./objects/probe.ts";
export { buildPodSecurityContext, buildContainerSecurityContext } from "./objects/security-context.ts";
export { writableVolumes, DATA_VOLUME } from "./objects/writable-volumes.ts";
export { buildRole } from "./objects/role.ts";
export { buildRoleBinding } from "./objects/role-binding.ts";
export { buildPodDisruptionBudget } from "./objects/pod-disruption-budget.ts";
export { buildResourceQuota } from "./objects/resource-quota.ts";
export { buildLimitRange } from "./objects/limit-range.ts";
export {
  buildDefaultDenyNetworkPolicy,
  buildAllowDnsAndMeshNetworkPolicy,
  buildServiceNetworkPolicy,
  ISTIO_SYSTEM,
  ISTIOD_XDS_PORT,
} from "./objects/network-policy.ts";
export { ClusterResources, clusterObjects, type ClusterResourcesProps } from "./cluster-resources.ts";
export { serviceHost, servicePrincipal, ingressGatewayPrincipal, INGRESS_GATEWAY_NAME } from "./objects/mesh-names.ts";
export { buildMeshPeerAuthentication, buildNamespacePeerAuthentication } from "./objects/peer-authentication.ts";
export { buildDenyAllAuthorizationPolicy, buildServiceAuthorizationPolicy } from "./objects/authorization-policy.ts";
export { buildSidecar } from "./objects/sidecar.ts";
export { buildEgressServiceEntries, egressByHost } from "./objects/service-entry.ts";
export { externalEgressRules, NON_EXTERNAL_RANGES } from "./objects/external-egress.ts";
export { buildDestinationRule } from "./objects/destination-rule.ts";
export { buildVirtualService, buildIngressVirtualService, ingressVirtualServiceName, serviceHttpRoutes, hasHttpPorts, DEFAULT_ROUTE, defaultRouteNames } from "./objects/virtual-service.ts";
export { buildTenantTelemetry, buildServiceTelemetry } from "./objects/telemetry.ts";
export {
  buildGatewayApiGateway,
  buildHttpsRedirectRoute,
  buildHttpRoute,
  routesVersionsAtGateway,
  buildIngressNamespace,
  buildIstioIngressGateway,
  httpsListenerName,
  PLATFORM_LABELS,
} from "./objects/ingress-gateway.ts";
export { DeliveryResources, type DeliveryResourcesProps } from "./delivery-resources.ts";
export { argoRolloutsAddon, ARGO_ROLLOUTS_CHART, ARGO_ROLLOUTS_NAMESPACE } from "./delivery/argo-rollouts-addon.ts";
export { rolloutManagedFields, POD_TEMPLATE_HASH_LABEL, type RolloutManagedField } from "./delivery/rollout-managed-fields.ts";
export { addonsFor, addonNamespaces, isMultiCluster, logRetentionDays, MESH_ID, ISTIO_CHART_VERSIONS, type Addon, type AddonSource } from "./delivery/addons.ts";
export * from "./delivery/argocd.ts";
export * from "./delivery/flux.ts";
export * from "./delivery/paths.ts";
export { buildPlatformNamespaces } from "./objects/platform-namespaces.ts";
export { buildCrossNetworkGateway } from "./objects/cross-network-gateway.ts";
export { buildLogRetentionCronJob, ELASTICSEARCH_URL } from "./objects/log-retention.ts";
export { localityFailover } from "./objects/destination-rule.ts";
export * from "./observability/index.ts";
export * from "./cluster-definition/index.ts";
export * from "./backup/index.ts";
export * from "./secrets/index.ts";
export * from "./certificates/index.ts";
export * from "./cost/index.ts";

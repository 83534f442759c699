export { EnvironmentChart, type EnvironmentChartProps } from "./environment-chart.ts";
export { ServiceResources, serviceObjects, type ServiceResourcesProps } from "./service-resources.ts";
export { buildCallGraph, type CallGraph } from "./call-graph.ts";
export { TenantResources, type TenantResourcesProps } from "./tenant-resources.ts";
export { ResourceGroup, CLUSTER_FOLDER, TENANT_FOLDER } from "./resource-group.ts";
export { KubeObject } from "./kube-object.ts";
export { validationMessages, type ModelObject } from "./model-object.ts";
export * from "./labels.ts";
export { buildNamespace } from "./objects/namespace.ts";
export { buildServiceAccount } from "./objects/service-account.ts";
export { buildDeployment } from "./objects/deployment.ts";
export { buildStatefulSet } from "./objects/stateful-set.ts";
export { buildService, buildHeadlessService, headlessServiceName, istioPortName } from "./objects/kube-service.ts";
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

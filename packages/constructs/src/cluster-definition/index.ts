export { InfraResources, INFRA_FOLDER, clusterDefinitionObjects, infraObjects, type InfraResourcesProps } from "./infra-resources.ts";
export {
  buildEksctlClusterConfig,
  platformIamServiceAccounts,
  EKS_ADDONS,
  WORKER_NODE_GROUP,
  NODE_GROUP_LABEL,
  NODE_VOLUME_GIB,
  type EksctlClusterConfig,
  type EksctlIamServiceAccount,
} from "./eksctl-cluster-config.ts";
export {
  buildContainerCluster,
  buildContainerNodePools,
  perZone,
  CONFIG_CONNECTOR_NAMESPACE,
  PROJECT_ANNOTATION,
  type ContainerClusterDocument,
  type ContainerNodePoolDocument,
} from "./config-connector-cluster.ts";
export { nodeGroupSize, nodeGroupSizeForRender, nodesFor, NODE_FILL, DAEMONSET_PODS, PLATFORM_RESERVE, type NodeGroupSize } from "./node-group-size.ts";
export { INSTANCE_TYPES, allocatable, reservedCpu, instanceTypesOf, type Allocatable, type InstanceTypeInfo } from "./instance-types.ts";
export { SchemaCheckedObject, schemaProblems, type JsonSchema, type SchemaProblem, type RenderedDocument } from "./schema-checked-object.ts";

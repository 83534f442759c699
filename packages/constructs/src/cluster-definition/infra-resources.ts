import type { EnvironmentModel } from "@cloudlab/model";
import type { Construct } from "constructs";
import { restoreObjects } from "../backup/backup-objects.ts";
import { KubeObject } from "../kube-object.ts";
import type { ModelObject } from "../model-object.ts";
import { ResourceGroup } from "../resource-group.ts";
import { buildContainerCluster, buildContainerNodePools } from "./config-connector-cluster.ts";
import { buildEksctlClusterConfig } from "./eksctl-cluster-config.ts";

/**
 * The folder of what the cluster's creator applies by hand: the cluster definition and, in a DR environment, the
 * Restore templates. Never synced: it is in no kustomization and no Argo CD Application or Flux Kustomization points
 * at it.
 */
export const INFRA_FOLDER = "_infra";

/** The cluster definition of an environment: an eksctl ClusterConfig on EKS, a Config Connector cluster and node pool on GKE. */
export function clusterDefinitionObjects(model: EnvironmentModel): ModelObject[] {
  return model.environment.cluster.provider === "eks" ? [buildEksctlClusterConfig(model)] : [buildContainerCluster(model), ...buildContainerNodePools(model)];
}

/** Everything rendered into `_infra/`: the cluster definition, then the Restore templates. */
export function infraObjects(model: EnvironmentModel): ModelObject[] {
  return [...clusterDefinitionObjects(model), ...restoreObjects(model)];
}

/** Props of {@link InfraResources}. */
export interface InfraResourcesProps {
  /** The environment with its services (capacity sizes the nodes; stateful services decide the restores). */
  readonly model: EnvironmentModel;
}

/** The objects of `_infra/`, owned by the platform team, attributed to the environment's spec file. */
export class InfraResources extends ResourceGroup {
  public constructor(scope: Construct, id: string, props: InfraResourcesProps) {
    super(scope, id, INFRA_FOLDER, props.model.environment.file);
    for (const object of infraObjects(props.model)) new KubeObject(this, object);
  }
}

import type { EnvironmentModel } from "@cloudlab/model";
import schema from "./schemas/eksctl-cluster-config.schema.json" with { type: "json" };
import { nodeGroupSizeForRender } from "./node-group-size.ts";
import { SchemaCheckedObject } from "./schema-checked-object.ts";
import { CERT_MANAGER_NAMESPACE, CERT_MANAGER_SERVICE_ACCOUNT } from "../certificates/cert-manager-addon.ts";
import { tenantSecretAccessPolicy, type IamPolicyDocument } from "../secrets/secret-access-policy.ts";
import { EXTERNAL_SECRETS_NAMESPACE, tenantSecretReaderName } from "../secrets/secret-store-names.ts";

/** The EKS add-ons every cluster gets, in install order. */
export const EKS_ADDONS = ["vpc-cni", "coredns", "kube-proxy", "aws-ebs-csi-driver", "snapshot-controller"] as const;

/** The name of the worker node group (node pool on GKE). */
export const WORKER_NODE_GROUP = "workers";

/** The node label naming the node group (a stable selector for add-ons that should avoid or target it). */
export const NODE_GROUP_LABEL = "platform.cloud-lab.io/node-group";

/** Root volume of each node, in GiB: images of a few dozen services plus container logs. */
export const NODE_VOLUME_GIB = 100;

/** An IAM role for a Kubernetes ServiceAccount (IRSA), created by eksctl with the ServiceAccount annotated for it. */
export interface EksctlIamServiceAccount {
  readonly metadata: { readonly name: string; readonly namespace: string; readonly labels: Readonly<Record<string, string>> };
  /** An inline policy. */
  readonly attachPolicy?: IamPolicyDocument;
  /** eksctl's own policy for cert-manager's DNS-01 in Route 53. */
  readonly wellKnownPolicies?: { readonly certManager: true };
}

/**
 * The IRSA roles of the platform: cert-manager's controller (Route 53 changes for DNS-01) and one secret reader per
 * tenant (in the External Secrets Operator's namespace; its tenant's ClusterSecretStore authenticates as it), whose
 * policy reads only that tenant's prefix of Secrets Manager.
 */
export function platformIamServiceAccounts(model: EnvironmentModel): EksctlIamServiceAccount[] {
  const labels = { "app.kubernetes.io/managed-by": "cloudlab" };
  return [
    { metadata: { name: CERT_MANAGER_SERVICE_ACCOUNT, namespace: CERT_MANAGER_NAMESPACE, labels }, wellKnownPolicies: { certManager: true } },
    ...model.tenants.map((tenant) => ({
      metadata: { name: tenantSecretReaderName(tenant.name), namespace: EXTERNAL_SECRETS_NAMESPACE, labels: { ...labels, "app.kubernetes.io/part-of": tenant.name } },
      attachPolicy: tenantSecretAccessPolicy(model.environment, tenant.name),
    })),
  ];
}

/** The eksctl document rendered for an EKS environment. */
export interface EksctlClusterConfig {
  readonly apiVersion: "eksctl.io/v1alpha5";
  readonly kind: "ClusterConfig";
  readonly metadata: { readonly name: string; readonly region: string; readonly version: string; readonly tags: Readonly<Record<string, string>> };
  readonly availabilityZones: readonly string[];
  readonly iam: { readonly withOIDC: true; readonly serviceAccounts: readonly EksctlIamServiceAccount[] };
  readonly addons: readonly { readonly name: string; readonly wellKnownPolicies?: { readonly ebsCSIController: true } }[];
  readonly managedNodeGroups: readonly {
    readonly name: string;
    readonly instanceType: string;
    readonly minSize: number;
    readonly maxSize: number;
    readonly desiredCapacity: number;
    readonly volumeSize: number;
    readonly volumeType: "gp3";
    readonly privateNetworking: boolean;
    readonly labels: Readonly<Record<string, string>>;
    readonly iam: { readonly withAddonPolicies: { readonly autoScaler: boolean } };
  }[];
}

/**
 * The eksctl `ClusterConfig` of an EKS environment, applied once by whoever creates the cluster
 * (`eksctl create cluster -f environments/<env>/_infra/clusterconfig-<cluster>.yaml`), never synced by Argo CD or
 * Flux: the cluster's name, region and Kubernetes version, an IAM OIDC provider (IRSA), the managed add-ons (the EBS
 * CSI driver with its IAM policy, and the snapshot controller Velero's CSI snapshots need), and one managed node group
 * of private nodes sized from the environment's capacity (see `nodeGroupSize`).
 */
export function buildEksctlClusterConfig(model: EnvironmentModel): SchemaCheckedObject<EksctlClusterConfig> {
  const { environment } = model;
  const { cluster } = environment;
  const size = nodeGroupSizeForRender(model);
  return new SchemaCheckedObject<EksctlClusterConfig>(schema, {
    apiVersion: "eksctl.io/v1alpha5",
    kind: "ClusterConfig",
    metadata: {
      name: cluster.name,
      region: cluster.region,
      version: environment.versions.kubernetes,
      tags: { "cloudlab/environment": environment.name, "cloudlab/stage": environment.stage, "cloudlab/managed-by": "cloudlab" },
    },
    availabilityZones: [...cluster.zones],
    iam: { withOIDC: true, serviceAccounts: platformIamServiceAccounts(model) },
    addons: EKS_ADDONS.map((name) => (name === "aws-ebs-csi-driver" ? { name, wellKnownPolicies: { ebsCSIController: true as const } } : { name })),
    managedNodeGroups: splitNodeGroups(size).map((group) => ({
      name: group.name,
      instanceType: cluster.instanceType,
      minSize: group.minSize,
      maxSize: group.maxSize,
      desiredCapacity: group.minSize,
      volumeSize: NODE_VOLUME_GIB,
      volumeType: "gp3" as const,
      privateNetworking: true,
      labels: { [NODE_GROUP_LABEL]: WORKER_NODE_GROUP },
      // The cluster autoscaler moves each group between minSize and maxSize.
      iam: { withAddonPolicies: { autoScaler: true } },
    })),
  });
}

/** The most nodes one EKS managed node group may hold. */
export const MAX_NODES_PER_GROUP = 450;

/**
 * The worker node groups: one (`workers`) while the environment fits one group, else as many equal groups
 * (`workers-1`, `workers-2`, …) as it takes to stay within `maxPerGroup` nodes per group, the bounds split evenly.
 * @param maxPerGroup the most nodes a group may hold (default: EKS's 450 per managed node group)
 */
export function splitNodeGroups(
  size: { readonly minSize: number; readonly maxSize: number },
  maxPerGroup: number = MAX_NODES_PER_GROUP,
): { name: string; minSize: number; maxSize: number }[] {
  const groups = Math.ceil(size.maxSize / maxPerGroup);
  if (groups <= 1) return [{ name: WORKER_NODE_GROUP, minSize: size.minSize, maxSize: size.maxSize }];
  return Array.from({ length: groups }, (_, i) => ({
    name: `${WORKER_NODE_GROUP}-${i + 1}`,
    minSize: Math.ceil(size.minSize / groups),
    maxSize: Math.ceil(size.maxSize / groups),
  }));
}

import { unknownKind } from "../../../src/rules/schema/unknown-kind.rule.ts";
import { deployment } from "../../fixtures.ts";
import { ruleTable } from "../rule-table.ts";

const scaledObject = { apiVersion: "keda.sh/v1alpha1", kind: "ScaledObject", metadata: { name: "web", namespace: "shop" }, spec: { scaleTargetRef: { name: "web" } } };

ruleTable(unknownKind, {
  valid: [
    { name: "a Kubernetes kind", manifests: [deployment()] },
    { name: "kinds of every model package", manifests: [
      { apiVersion: "networking.istio.io/v1beta1", kind: "Sidecar", metadata: { name: "a" }, spec: {} },
      { apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "a" }, spec: {} },
      { apiVersion: "argoproj.io/v1alpha1", kind: "AppProject", metadata: { name: "a" }, spec: {} },
      { apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", metadata: { name: "a" }, spec: { interval: "1m", prune: true, sourceRef: { kind: "GitRepository", name: "a" } } },
      { apiVersion: "monitoring.coreos.com/v1", kind: "ServiceMonitor", metadata: { name: "a" }, spec: { selector: {}, endpoints: [] } },
      { apiVersion: "external-secrets.io/v1beta1", kind: "ExternalSecret", metadata: { name: "a", namespace: "shop" }, spec: { secretStoreRef: { kind: "ClusterSecretStore", name: "shop-secrets" } } },
      { apiVersion: "external-secrets.io/v1beta1", kind: "ClusterSecretStore", metadata: { name: "shop-secrets" }, spec: { provider: { aws: { service: "SecretsManager", region: "us-west-2" } } } },
      { apiVersion: "cert-manager.io/v1", kind: "Certificate", metadata: { name: "tls", namespace: "shop" }, spec: { secretName: "tls", issuerRef: { name: "letsencrypt" } } },
      { apiVersion: "cert-manager.io/v1", kind: "ClusterIssuer", metadata: { name: "letsencrypt" }, spec: { selfSigned: {} } },
    ] },
    { name: "an Istio v1 kind on Istio 1.22 (fields from 3.0.1's v1 declarations, validated by 2.3.0's v1beta1 class)", manifests: [{ apiVersion: "networking.istio.io/v1", kind: "Sidecar", metadata: { name: "a" }, spec: {} }], versions: { istio: "1.22" } },
    { name: "eksctl's ClusterConfig is tool configuration, not an object", manifests: [{ apiVersion: "eksctl.io/v1alpha5", kind: "ClusterConfig", metadata: { name: "a", region: "us-west-2" } }] },
  ],
  invalid: [
    { name: "a custom resource of another project", manifests: [scaledObject], errors: ['2:1 kind: no schema for kind "ScaledObject" in version "keda.sh/v1alpha1": only its metadata is checked'] },
    { name: "a kind of a known CRD group that the models do not have", manifests: [{ apiVersion: "argoproj.io/v1alpha1", kind: "Workflow", metadata: { name: "a" } }], errors: ['kind: no schema for kind "Workflow" in version "argoproj.io/v1alpha1": only its metadata is checked'] },
    {
      name: "Velero and CSI snapshot kinds, which no npm package has a schema for, say so",
      manifests: [
        { apiVersion: "velero.io/v1", kind: "Schedule", metadata: { name: "shop", namespace: "velero" }, spec: { schedule: "0 3 * * *", template: {} } },
        { apiVersion: "snapshot.storage.k8s.io/v1", kind: "VolumeSnapshotClass", metadata: { name: "csi" }, driver: "ebs.csi.aws.com", deletionPolicy: "Delete" },
      ],
      errors: [
        `kind: no schema for kind "Schedule" in version "velero.io/v1" (Velero's CRDs are in no npm package): only its metadata is checked`,
        `kind: no schema for kind "VolumeSnapshotClass" in version "snapshot.storage.k8s.io/v1" (the CSI external-snapshotter's CRDs are in no kubernetes-models package): only its metadata is checked`,
      ],
    },
    { name: "an error with --strict", manifests: [scaledObject], options: { strict: true }, errors: ['kind: no schema for kind "ScaledObject" in version "keda.sh/v1alpha1": only its metadata is checked'] },
  ],
});

import { describe, expect, it } from "vitest";
import { SYNC_OPTIONS, SYNC_WAVE, synthesize, withArgoCdSyncAnnotations } from "../../src/index.ts";
import { ENVIRONMENTS } from "../fixtures.ts";
import { annotationsOf, deliveryPlatform, objectsUnder } from "./delivery-fixture.ts";

const manifest = (apiVersion: string, kind: string) => ({ apiVersion, kind, metadata: { name: "x", namespace: "shop" } });

describe("withArgoCdSyncAnnotations", () => {
  it("names Argo CD's annotations", () => {
    expect([SYNC_WAVE, SYNC_OPTIONS]).toEqual(["argocd.argoproj.io/sync-wave", "argocd.argoproj.io/sync-options"]);
  });

  it.each<[string, string, Record<string, string>]>([
    // Namespaces and CRDs first; a namespace is never pruned.
    ["v1", "Namespace", { [SYNC_WAVE]: "-3", [SYNC_OPTIONS]: "Prune=false" }],
    ["apiextensions.k8s.io/v1", "CustomResourceDefinition", { [SYNC_WAVE]: "-3" }],
    // Identities, quotas and policies before any pod; Istio's CRDs may arrive in the same sync.
    ["v1", "ServiceAccount", { [SYNC_WAVE]: "-2" }],
    ["rbac.authorization.k8s.io/v1", "Role", { [SYNC_WAVE]: "-2" }],
    ["rbac.authorization.k8s.io/v1", "RoleBinding", { [SYNC_WAVE]: "-2" }],
    ["v1", "ResourceQuota", { [SYNC_WAVE]: "-2" }],
    ["v1", "LimitRange", { [SYNC_WAVE]: "-2" }],
    ["networking.k8s.io/v1", "NetworkPolicy", { [SYNC_WAVE]: "-2" }],
    ["security.istio.io/v1beta1", "PeerAuthentication", { [SYNC_WAVE]: "-2", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["security.istio.io/v1beta1", "AuthorizationPolicy", { [SYNC_WAVE]: "-2", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["networking.istio.io/v1beta1", "Sidecar", { [SYNC_WAVE]: "-2", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["telemetry.istio.io/v1alpha1", "Telemetry", { [SYNC_WAVE]: "-2", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    // Configuration and Services, then workloads.
    ["external-secrets.io/v1beta1", "ClusterSecretStore", { [SYNC_WAVE]: "-2", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["cert-manager.io/v1", "ClusterIssuer", { [SYNC_WAVE]: "-2", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["v1", "ConfigMap", { [SYNC_WAVE]: "-1" }],
    ["external-secrets.io/v1beta1", "ExternalSecret", { [SYNC_WAVE]: "-1", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["cert-manager.io/v1", "Certificate", { [SYNC_WAVE]: "-1", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["v1", "Service", { [SYNC_WAVE]: "-1" }],
    ["networking.istio.io/v1beta1", "DestinationRule", { [SYNC_WAVE]: "-1", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["apps/v1", "Deployment", { [SYNC_WAVE]: "0" }],
    ["apps/v1", "StatefulSet", { [SYNC_WAVE]: "0" }],
    ["autoscaling/v2", "HorizontalPodAutoscaler", { [SYNC_WAVE]: "0" }],
    ["policy/v1", "PodDisruptionBudget", { [SYNC_WAVE]: "0" }],
    ["batch/v1", "CronJob", { [SYNC_WAVE]: "0" }],
    ["batch/v1", "Job", { [SYNC_WAVE]: "0" }],
    ["v1", "PersistentVolumeClaim", { [SYNC_WAVE]: "0", [SYNC_OPTIONS]: "Prune=false" }],
    // Routes last, once their targets run.
    ["networking.istio.io/v1beta1", "VirtualService", { [SYNC_WAVE]: "1", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["networking.istio.io/v1beta1", "Gateway", { [SYNC_WAVE]: "1", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["gateway.networking.k8s.io/v1", "Gateway", { [SYNC_WAVE]: "1", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["gateway.networking.k8s.io/v1", "HTTPRoute", { [SYNC_WAVE]: "1", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    // Any other kind syncs with the workloads; one whose CRD an add-on installs (Prometheus Operator, Velero, volume
    // snapshots) skips the dry run too.
    ["monitoring.coreos.com/v1", "ServiceMonitor", { [SYNC_WAVE]: "0", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["velero.io/v1", "Schedule", { [SYNC_WAVE]: "0", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["snapshot.storage.k8s.io/v1", "VolumeSnapshotClass", { [SYNC_WAVE]: "0", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" }],
    ["v1", "Secret", { [SYNC_WAVE]: "0" }],
  ])("%s %s", (apiVersion, kind, annotations) => {
    expect(withArgoCdSyncAnnotations(manifest(apiVersion, kind)).metadata).toEqual({ name: "x", namespace: "shop", annotations });
  });

  it("keeps the object's own annotations and leaves its input unchanged", () => {
    const input = {
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: "web", namespace: "shop", annotations: { "external-dns.alpha.kubernetes.io/aws-failover": "PRIMARY" } },
      spec: { hostnames: ["shop.example.com"] },
    };
    const copy = structuredClone(input);
    const output = withArgoCdSyncAnnotations(input);
    expect(output).toEqual({
      ...input,
      metadata: {
        ...input.metadata,
        annotations: {
          "external-dns.alpha.kubernetes.io/aws-failover": "PRIMARY",
          [SYNC_WAVE]: "1",
          [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true",
        },
      },
    });
    expect(input).toEqual(copy);
    expect(output.spec).toBe(input.spec);
  });
});

describe("sync annotations in a render", () => {
  const { files, specErrors, renderProblems } = synthesize(deliveryPlatform());

  it("renders without errors", () => {
    expect([specErrors, renderProblems]).toEqual([[], []]);
  });

  it.each([...ENVIRONMENTS])("%s: every object of _cluster/ and of the tenants' folders has its kind's wave", (env) => {
    const state = objectsUnder(files, `${env}/`).filter(({ path }) => {
      const top = path.split("/")[1]!;
      return top === "_cluster" || !top.startsWith("_");
    });
    expect(state.length).toBeGreaterThan(0);
    for (const { path, object } of state) {
      expect(annotationsOf(object)[SYNC_WAVE], path).toBe(annotationsOf(withArgoCdSyncAnnotations(object))[SYNC_WAVE]);
    }
    const namespaces = state.filter(({ object }) => object.kind === "Namespace");
    const velero = env === "dev" ? [] : ["velero"];
    expect(namespaces.map(({ object }) => object.metadata.name).sort()).toEqual(["argo-rollouts", "cert-manager", "external-secrets", "istio-system", "logging", "monitoring", "shop", "storefront", "tracing", ...velero]);
    for (const { object } of namespaces) {
      // Beside the sync annotations, a namespace below Pod Security "restricted" says why.
      const { "platform.cloud-lab.io/pod-security-reason": _reason, ...sync } = annotationsOf(object);
      expect(sync).toEqual({ [SYNC_WAVE]: "-3", [SYNC_OPTIONS]: "Prune=false" });
    }
    const peerAuthentication = state.find(({ path }) => path === `${env}/_cluster/peerauthentication-default.yaml`)!.object;
    expect(annotationsOf(peerAuthentication)).toEqual({ [SYNC_WAVE]: "-2", [SYNC_OPTIONS]: "SkipDryRunOnMissingResource=true" });
  });

  it.each([...ENVIRONMENTS])("%s: the delivery objects get none (their waves order the Applications, not the objects they sync)", (env) => {
    for (const { path, object } of objectsUnder(files, `${env}/_argocd/`)) {
      expect(Object.keys(annotationsOf(object)), path).toEqual([SYNC_WAVE]);
    }
    for (const folder of ["_bootstrap/", "_flux/"]) {
      for (const { path, object } of objectsUnder(files, `${env}/${folder}`)) expect(annotationsOf(object), path).toEqual({});
    }
  });

  it("adds none anywhere in an environment that does not use Argo CD", () => {
    const fluxOnly = synthesize(deliveryPlatform({ dev: { argocd: false, flux: true } })).files.filter((f) => f.path.startsWith("dev/"));
    expect(fluxOnly.length).toBeGreaterThan(0);
    expect(fluxOnly.filter((f) => f.content.includes("argocd.argoproj.io")).map((f) => f.path)).toEqual([]);
    expect(fluxOnly.filter((f) => f.path.startsWith("dev/_argocd/") || f.path.startsWith("dev/_bootstrap/argocd/"))).toEqual([]);
    expect(fluxOnly.some((f) => f.path === "dev/_bootstrap/flux/kustomization-root.yaml")).toBe(true);
  });
});

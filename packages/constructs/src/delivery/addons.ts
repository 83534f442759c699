import type { ResolvedEnvironment } from "@cloudlab/model";
import { veleroAddon } from "../backup/velero-addon.ts";
import { certManagerAddon } from "../certificates/cert-manager-addon.ts";
import { externalSecretsAddon } from "../secrets/external-secrets-addon.ts";
import { argoRolloutsAddon } from "./argo-rollouts-addon.ts";

/** Where an add-on comes from: a Helm chart (pinned version) or a folder of a Git repository (pinned tag). */
export type AddonSource =
  | { readonly kind: "helm"; readonly repoUrl: string; readonly repoName: string; readonly chart: string; readonly version: string }
  | { readonly kind: "git"; readonly repoUrl: string; readonly repoName: string; readonly path: string; readonly revision: string };

/** A platform add-on installed into every cluster that needs it, from a pinned source with per-environment values. */
export interface Addon {
  /** The release / Application name. */
  readonly name: string;
  /** The namespace it is installed into (rendered by the platform, never created by the delivery tool). */
  readonly namespace: string;
  readonly source: AddonSource;
  /** Install order: CRDs first, then the control plane, then gateways and observability. */
  readonly wave: number;
  /** Large CRDs (kube-prometheus-stack, Istio) exceed the client-side apply annotation limit. */
  readonly serverSideApply: boolean;
  /** Add-ons installed before this one (Flux `dependsOn`). */
  readonly dependsOn: readonly string[];
  /** The chart values for this environment (empty for a Git source). */
  readonly values: Readonly<Record<string, unknown>>;
}

/** The mesh every cluster joins (Istio multi-primary on separate networks). */
export const MESH_ID = "cloud-lab-mesh";

/** Istio chart versions pinned per Istio minor version. */
export const ISTIO_CHART_VERSIONS: Readonly<Record<string, string>> = { "1.20": "1.20.8", "1.21": "1.21.6", "1.22": "1.22.8", "1.23": "1.23.4", "1.24": "1.24.3" };

const ISTIO_REPO = { repoUrl: "https://istio-release.storage.googleapis.com/charts", repoName: "istio" } as const;

/** Log retention in days: the environment's `observability.logRetentionDays` (default 90 in prod, 30 elsewhere). */
export function logRetentionDays(environment: ResolvedEnvironment): number {
  return environment.observability.logRetentionDays;
}

/** Metrics retention of Prometheus by stage. */
function metricsRetention(environment: ResolvedEnvironment): string {
  return environment.stage === "prod" ? "15d" : "3d";
}

function sized(environment: ResolvedEnvironment, small: Record<string, unknown>, large: Record<string, unknown>): Record<string, unknown> {
  return environment.stage === "prod" ? large : small;
}

/** Whether the environment's cluster joins a multi-cluster mesh (it has peers of the same stage). */
export function isMultiCluster(environment: ResolvedEnvironment): boolean {
  return environment.peers.length > 0;
}

/**
 * The add-ons of an environment, in install order. Nothing is downloaded at render time: each add-on names a pinned
 * chart version (or Git tag) that the delivery tool fetches in the cluster.
 */
export function addonsFor(environment: ResolvedEnvironment): Addon[] {
  const istioVersion = ISTIO_CHART_VERSIONS[environment.versions.istio] ?? `${environment.versions.istio}.0`;
  const istio = (chart: string) => ({ kind: "helm" as const, ...ISTIO_REPO, chart, version: istioVersion });
  const network = environment.cluster.network;
  const addons: Addon[] = [
    {
      name: "gateway-api-crds",
      namespace: "kube-system",
      source: { kind: "git", repoUrl: "https://github.com/kubernetes-sigs/gateway-api.git", repoName: "gateway-api", path: "config/crd/standard", revision: "v1.0.0" },
      wave: -5,
      serverSideApply: true,
      dependsOn: [],
      values: {},
    },
    { name: "istio-base", namespace: "istio-system", source: istio("base"), wave: -5, serverSideApply: true, dependsOn: [], values: { defaultRevision: "default" } },
    {
      name: "istio-cni",
      namespace: "kube-system",
      source: istio("cni"),
      wave: -4,
      serverSideApply: false,
      dependsOn: ["istio-base"],
      // Pod Security "restricted" forbids the NET_ADMIN init container, so sidecars are set up by the CNI plugin.
      values: { cni: { excludeNamespaces: ["istio-system", "kube-system"] } },
    },
    {
      name: "istiod",
      namespace: "istio-system",
      source: istio("istiod"),
      wave: -4,
      serverSideApply: false,
      dependsOn: ["istio-base", "istio-cni"],
      values: {
        global: { meshID: MESH_ID, multiCluster: { clusterName: environment.cluster.name }, network },
        istio_cni: { enabled: true },
        pilot: sized(
          environment,
          { autoscaleMin: 1, resources: { requests: { cpu: "100m", memory: "256Mi" } } },
          { autoscaleMin: 2, autoscaleMax: 5, resources: { requests: { cpu: "500m", memory: "2Gi" } } },
        ),
        meshConfig: {
          accessLogFile: "/dev/stdout",
          // DNS capture with automatic addresses gives a TCP ServiceEntry (declared egress) a virtual IP of its own,
          // so its port does not capture every connection on that number (istioctl IST0134).
          defaultConfig: { holdApplicationUntilProxyStarts: true, proxyMetadata: { ISTIO_META_DNS_AUTO_ALLOCATE: "true", ISTIO_META_DNS_CAPTURE: "true" } },
          // Only registered hosts are reachable: the mesh's services and each service's declared egress.
          outboundTrafficPolicy: { mode: "REGISTRY_ONLY" },
          defaultProviders: { tracing: ["jaeger"] },
          extensionProviders: [{ name: "jaeger", opentelemetry: { service: "jaeger-collector.tracing.svc.cluster.local", port: 4317 } }],
        },
      },
    },
  ];
  // Secrets and certificates: their CRDs before the stores, issuers, ExternalSecrets and Certificates that use them.
  addons.push(externalSecretsAddon(environment), certManagerAddon(environment));
  if (environment.mesh.ingress.mode === "istio") {
    addons.push({
      name: "istio-ingressgateway",
      namespace: environment.mesh.ingress.namespace,
      source: istio("gateway"),
      wave: -3,
      serverSideApply: false,
      dependsOn: ["istiod"],
      values: { labels: { istio: "ingressgateway" }, autoscaling: sized(environment, { minReplicas: 1, maxReplicas: 2 }, { minReplicas: 3, maxReplicas: 20 }) },
    });
  }
  if (isMultiCluster(environment)) {
    addons.push({
      name: "istio-eastwestgateway",
      namespace: "istio-system",
      source: istio("gateway"),
      wave: -3,
      serverSideApply: false,
      dependsOn: ["istiod"],
      values: {
        name: "istio-eastwestgateway",
        labels: { istio: "eastwestgateway", app: "istio-eastwestgateway", "topology.istio.io/network": network },
        env: { ISTIO_META_REQUESTED_NETWORK_VIEW: network },
        service: {
          ports: [
            { name: "status-port", port: 15021, targetPort: 15021 },
            { name: "tls", port: 15443, targetPort: 15443 },
            { name: "tls-istiod", port: 15012, targetPort: 15012 },
            { name: "tls-webhook", port: 15017, targetPort: 15017 },
          ],
        },
      },
    });
  }
  addons.push(
    {
      name: "kube-prometheus-stack",
      namespace: "monitoring",
      source: { kind: "helm", repoUrl: "https://prometheus-community.github.io/helm-charts", repoName: "prometheus-community", chart: "kube-prometheus-stack", version: "56.21.4" },
      wave: -3,
      serverSideApply: true,
      dependsOn: [],
      values: {
        prometheus: {
          prometheusSpec: {
            retention: metricsRetention(environment),
            serviceMonitorSelectorNilUsesHelmValues: false,
            podMonitorSelectorNilUsesHelmValues: false,
            ruleSelectorNilUsesHelmValues: false,
            resources: sized(environment, { requests: { cpu: "200m", memory: "1Gi" } }, { requests: { cpu: "2", memory: "8Gi" } }),
          },
        },
        // Every tenant's AlertmanagerConfig is picked up (they live in the tenants' namespaces and route on `namespace`).
        alertmanager: {
          alertmanagerSpec: { alertmanagerConfigSelector: {}, alertmanagerConfigNamespaceSelector: {}, alertmanagerConfigMatcherStrategy: { type: "None" } },
        },
        grafana: {
          sidecar: {
            dashboards: {
              enabled: true,
              label: "grafana_dashboard",
              labelValue: "1",
              searchNamespace: "ALL",
              folderAnnotation: "grafana_folder",
              provider: { foldersFromFilesStructure: true },
            },
          },
        },
      },
    },
    {
      name: "jaeger",
      namespace: "tracing",
      source: { kind: "helm", repoUrl: "https://jaegertracing.github.io/helm-charts", repoName: "jaegertracing", chart: "jaeger", version: "3.0.10" },
      wave: -3,
      serverSideApply: false,
      dependsOn: [],
      values: {
        provisionDataStore: { cassandra: false, elasticsearch: false },
        storage: { type: "elasticsearch", elasticsearch: { host: "elasticsearch-master.logging.svc.cluster.local", port: 9200 } },
        esIndexCleaner: { enabled: true, numberOfDays: environment.observability.traceRetentionDays, schedule: "55 23 * * *" },
        collector: { service: { otlp: { grpc: { name: "otlp-grpc", port: 4317 } } } },
      },
    },
    {
      name: "fluent-bit",
      namespace: "logging",
      source: { kind: "helm", repoUrl: "https://fluent.github.io/helm-charts", repoName: "fluent", chart: "fluent-bit", version: "0.46.7" },
      wave: -3,
      serverSideApply: false,
      dependsOn: [],
      values: {
        config: {
          outputs: [
            "[OUTPUT]",
            "    Name es",
            "    Match kube.*",
            "    Host elasticsearch-master.logging.svc.cluster.local",
            "    Logstash_Format On",
            "    Logstash_Prefix logs",
            "    Suppress_Type_Name On",
            "    Retry_Limit False",
            "",
          ].join("\n"),
        },
      },
    },
  );
  // Argo Rollouts, for the services delivered by canary or blue-green.
  addons.push(argoRolloutsAddon(environment));
  // Velero, where the environment backs up its stateful tenants (staging and prod by default).
  const velero = veleroAddon(environment);
  if (velero !== undefined) addons.push(velero);
  return addons;
}

/** The namespaces the add-ons install into (rendered as Namespaces by the platform). */
export function addonNamespaces(environment: ResolvedEnvironment): string[] {
  return [...new Set(addonsFor(environment).map((a) => a.namespace))].filter((n) => n !== "kube-system").sort();
}

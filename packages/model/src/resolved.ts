import type { ClusterRole, IngressMode, InstanceType, Provider, Stage } from "./spec/environment-spec.ts";
import type { FaultSpec, HttpMethod, RoutingStrategy, StringMatchSpec } from "./spec/mesh-spec.ts";
import type { Resources } from "./spec/primitives.ts";
import type { EgressProtocol } from "./spec/egress-spec.ts";
import type { ApiVerb, DisasterRecoveryMode, EnvVarSpec, PortProtocol, ProbeSpec, WorkloadKind } from "./spec/service-spec.ts";
import type { QuotaSpec } from "./spec/tenant-spec.ts";
import type { AcmeIssuer } from "./spec/secret-spec.ts";
import type { ResolvedStageDefaults } from "./stage-defaults.ts";
import type { ResolvedObservabilitySettings, ResolvedServiceObservability } from "./resolve-observability.ts";

import type { ResolvedDelivery } from "./resolve-delivery.ts";

export type { ResolvedObservabilitySettings, ResolvedServiceObservability, ResolvedSlo } from "./resolve-observability.ts";
export type { ResolvedDelivery } from "./resolve-delivery.ts";

/** An environment with every default applied. */
export interface ResolvedEnvironment {
  readonly name: string;
  readonly stage: Stage;
  readonly file: string;
  readonly cluster: {
    readonly name: string;
    readonly provider: Provider;
    readonly region: string;
    readonly role: ClusterRole;
    readonly network: string;
    readonly storageClass: string;
    readonly instanceType: InstanceType;
    /** The availability zones of the worker nodes, at least one. */
    readonly zones: readonly string[];
    /** `undefined`: none declared (a GKE cluster definition then cannot be rendered). */
    readonly gcpProject: string | undefined;
  };
  readonly versions: { readonly kubernetes: string; readonly istio: string };
  readonly defaults: ResolvedStageDefaults;
  readonly mesh: ResolvedMeshSettings;
  readonly observability: ResolvedObservabilitySettings;
  readonly delivery: { readonly argocd: boolean; readonly flux: boolean; readonly repoUrl: string; readonly revision: string };
  readonly backups: ResolvedBackupSettings;
  /** Every image must be pinned by digest (`requireImageDigests`, default false). */
  readonly requireImageDigests: boolean;
  /** The first segment of every remote secret key: `<pathPrefix>/<tenant>/<from>`. */
  readonly secrets: { readonly pathPrefix: string };
  /** How ingress certificates are issued; `dnsZone` `undefined`: found from the host names. */
  readonly certificates: { readonly issuer: AcmeIssuer; readonly email: string; readonly dnsZone: string | undefined };
  /** The other environments of the same stage (the clusters this one fails over to), in report order. */
  readonly peers: readonly { readonly name: string; readonly region: string; readonly role: ClusterRole; readonly network: string }[];
}

/** An environment's backup settings with defaults applied. */
export interface ResolvedBackupSettings {
  readonly enabled: boolean;
  /** How long each backup is kept, e.g. `720h`. */
  readonly retention: string;
  /** A five-field cron expression (UTC). */
  readonly schedule: string;
  readonly credentialsSecret: string;
}

/** An environment's mesh settings with defaults applied. */
export interface ResolvedMeshSettings {
  readonly ingress: { readonly mode: IngressMode; readonly namespace: string; readonly tlsSecretName: string };
  readonly tracing: { readonly criticalPercent: number; readonly defaultPercent: number };
  readonly connectionPool: ResolvedConnectionPool;
  readonly outlierDetection: ResolvedOutlierDetection;
}

export interface ResolvedConnectionPool {
  readonly maxConnections: number;
  readonly http1MaxPendingRequests: number;
  readonly http2MaxRequests: number;
}

export interface ResolvedOutlierDetection {
  readonly consecutive5xxErrors: number;
  readonly interval: string;
  readonly baseEjectionTime: string;
  readonly maxEjectionPercent: number;
}

/** One running version of a service. */
export interface ResolvedVersion {
  readonly name: string;
  /** The full image reference this version runs. */
  readonly image: string;
  /** Its share of unmatched requests, in percent (0 for the idle side of a blue-green pair). */
  readonly weight: number;
  /** The name of its Deployment or StatefulSet (and HPA and PDB): the service's name, or `<service>-<version>`. */
  readonly workloadName: string;
}

/** An A/B route rule with the cookie condition folded into the headers. */
export interface ResolvedRouteMatch {
  readonly name: string;
  readonly headers: Readonly<Record<string, StringMatchSpec>>;
  readonly version: string;
}

/** Routing between a service's versions. */
export interface ResolvedRouting {
  readonly strategy: RoutingStrategy;
  readonly matches: readonly ResolvedRouteMatch[];
  readonly fault: FaultSpec | undefined;
  readonly mirror: { readonly version: string; readonly percent: number } | undefined;
}

/** Client-side traffic policy with every default applied. */
export interface ResolvedTraffic {
  readonly timeout: string;
  readonly retries: { readonly attempts: number; readonly perTryTimeout: string; readonly retryOn: string };
  readonly connectionPool: ResolvedConnectionPool;
  readonly outlierDetection: ResolvedOutlierDetection;
}

/** An authorization rule: which callers may do what. */
export interface ResolvedAcceptRule {
  /** The callers the rule allows. */
  readonly from: readonly ResolvedCall[];
  readonly paths: readonly string[];
  readonly methods: readonly HttpMethod[];
  readonly ports: readonly number[];
}

/** An edge service's exposure. */
export interface ResolvedIngress {
  readonly hosts: readonly string[];
  readonly pathPrefix: string;
  readonly port: ResolvedPort;
  readonly tlsSecretName: string;
}

/** A tenant with every default applied. */
export interface ResolvedTenant {
  readonly name: string;
  readonly team: string;
  readonly file: string;
  readonly description: string | undefined;
  readonly quota: QuotaSpec | undefined;
  /** The secrets shared by the tenant's services, sorted by name. */
  readonly secrets: readonly ResolvedSecret[];
}

/** A declared secret with its refresh interval written out. */
export interface ResolvedSecret {
  /** The Kubernetes Secret (and ExternalSecret) name. */
  readonly name: string;
  /** The path under the tenant's prefix of the environment's secret manager. */
  readonly from: string;
  readonly keys: readonly string[];
  /** A duration, e.g. `1h`. */
  readonly refresh: string;
}

/** A port with its target port filled in. */
export interface ResolvedPort {
  readonly name: string;
  readonly port: number;
  readonly targetPort: number;
  readonly protocol: PortProtocol;
}

/** A probe with Kubernetes' timing defaults written out, so the rendered object says what the cluster will do. */
export type ResolvedProbe = ProbeSpec & {
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly failureThreshold: number;
};

/** How many replicas a service runs in one environment. */
export type ResolvedScaling =
  | { readonly kind: "fixed"; readonly replicas: number }
  | {
      readonly kind: "autoscaled";
      readonly minReplicas: number;
      readonly maxReplicas: number;
      readonly cpuTargetPercent: number;
      readonly memoryTargetPercent: number | undefined;
      readonly behavior: ResolvedScalingBehavior;
    };

/** The HPA's speeds with every default applied. */
export interface ResolvedScalingBehavior {
  readonly scaleUpStabilizationSeconds: number;
  readonly scaleUpPercentPer15s: number;
  readonly scaleUpPodsPer15s: number;
  readonly scaleDownStabilizationSeconds: number;
  readonly scaleDownPercentPerMinute: number;
}

/** A service's Role, with names and API groups filled in. */
export interface ResolvedApiAccess {
  readonly roleName: string;
  readonly roleBindingName: string;
  readonly rules: readonly { readonly apiGroups: readonly string[]; readonly resources: readonly string[]; readonly verbs: readonly ApiVerb[] }[];
}

/** The pod's identity and privileges with defaults applied. */
export interface ResolvedSecurity {
  readonly runAsUser: number;
  readonly runAsGroup: number;
  readonly bindLowPorts: boolean;
  readonly writablePaths: readonly string[];
}

/** A service this one calls, resolved to its tenant. */
export interface ResolvedCall {
  readonly tenant: string;
  readonly service: string;
}

/** An external host the service calls, with its port and protocol filled in. */
export interface ResolvedEgress {
  readonly host: string;
  readonly port: number;
  readonly protocol: EgressProtocol;
}

/** A service as it runs in one environment: service spec, stage defaults and the environment's override merged. */
export interface ResolvedService {
  readonly name: string;
  readonly team: string;
  readonly tenant: string;
  readonly file: string;
  readonly description: string | undefined;
  /** The full image reference: `repository:tag`, `repository@digest` or `repository:tag@digest`. */
  readonly image: string;
  readonly containerName: string;
  readonly ports: readonly ResolvedPort[];
  readonly env: readonly EnvVarSpec[];
  /** The service's own secrets, sorted by name. */
  readonly secrets: readonly ResolvedSecret[];
  readonly resources: Resources;
  readonly probes:
    | { readonly readiness: ResolvedProbe; readonly liveness: ResolvedProbe; readonly startup: ResolvedProbe | undefined }
    | undefined;
  readonly scaling: ResolvedScaling;
  readonly workload: WorkloadKind;
  readonly storage: { readonly size: string; readonly mountPath: string; readonly storageClass: string } | undefined;
  readonly calls: readonly ResolvedCall[];
  /** The external hosts the service calls, in the order declared. */
  readonly egress: readonly ResolvedEgress[];
  readonly terminationGracePeriodSeconds: number;
  readonly serviceAccountName: string;
  /** `undefined`: no API access, and no API token mounted. */
  readonly apiAccess: ResolvedApiAccess | undefined;
  readonly security: ResolvedSecurity;
  readonly disasterRecovery: DisasterRecoveryMode;
  readonly preStopSleepSeconds: number | undefined;
  /** Requests and limits of the Istio sidecar injected into each pod. */
  readonly sidecarResources: Resources;
  /** Spread pods across zones and nodes. */
  readonly topologySpread: boolean;
  /** The running versions, at least one. */
  readonly versions: readonly ResolvedVersion[];
  readonly routing: ResolvedRouting;
  /** How a new release reaches users (`weights`: the versions above; else one Argo Rollout). */
  readonly delivery: ResolvedDelivery;
  readonly traffic: ResolvedTraffic;
  /** Who may call the service, and what they may do; derived from the callers' `calls` and the service's `accepts`. */
  readonly accepts: readonly ResolvedAcceptRule[];
  readonly critical: boolean;
  readonly ingress: ResolvedIngress | undefined;
  readonly observability: ResolvedServiceObservability;
}

/** Everything rendered into one environment, in a fixed order (tenants and services sorted by name). */
export interface EnvironmentModel {
  readonly environment: ResolvedEnvironment;
  readonly tenants: readonly ResolvedTenant[];
  readonly services: readonly ResolvedService[];
}

import type { ClusterRole, Provider, Stage } from "./spec/environment-spec.ts";
import type { Resources } from "./spec/primitives.ts";
import type { ApiVerb, DisasterRecoveryMode, EnvVarSpec, PortProtocol, ProbeSpec, WorkloadKind } from "./spec/service-spec.ts";
import type { QuotaSpec } from "./spec/tenant-spec.ts";
import type { ResolvedStageDefaults } from "./stage-defaults.ts";

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
  };
  readonly versions: { readonly kubernetes: string; readonly istio: string };
  readonly defaults: ResolvedStageDefaults;
}

/** A tenant with every default applied. */
export interface ResolvedTenant {
  readonly name: string;
  readonly team: string;
  readonly file: string;
  readonly description: string | undefined;
  readonly quota: QuotaSpec | undefined;
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
  readonly resources: Resources;
  readonly probes:
    | { readonly readiness: ResolvedProbe; readonly liveness: ResolvedProbe; readonly startup: ResolvedProbe | undefined }
    | undefined;
  readonly scaling: ResolvedScaling;
  readonly workload: WorkloadKind;
  readonly storage: { readonly size: string; readonly mountPath: string; readonly storageClass: string } | undefined;
  readonly calls: readonly ResolvedCall[];
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
}

/** Everything rendered into one environment, in a fixed order (tenants and services sorted by name). */
export interface EnvironmentModel {
  readonly environment: ResolvedEnvironment;
  readonly tenants: readonly ResolvedTenant[];
  readonly services: readonly ResolvedService[];
}

import type { AutoscalingMode, Stage } from "./spec/environment-spec.ts";
import type { Resources } from "./spec/primitives.ts";

/** The sizing defaults of an environment once its stage presets and its own changes are merged. */
export interface ResolvedStageDefaults {
  readonly resources: Resources;
  readonly replicas: number;
  readonly autoscaling: AutoscalingMode;
  /** `undefined`: no ceiling on `maxReplicas`. */
  readonly maxReplicasCap: number | undefined;
  readonly topologySpread: boolean;
  readonly sidecarResources: Resources;
  readonly drMinReplicasPercent: number;
}

const SIDECAR: Resources = { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "200m", memory: "256Mi" } };

/** The presets per stage: dev small and cheap, staging small ranges, prod sized for load. */
export const STAGE_DEFAULTS: Readonly<Record<Stage, ResolvedStageDefaults>> = {
  dev: {
    resources: { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "200m", memory: "256Mi" } },
    replicas: 1,
    autoscaling: "off",
    maxReplicasCap: undefined,
    topologySpread: false,
    sidecarResources: SIDECAR,
    drMinReplicasPercent: 30,
  },
  staging: {
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
    replicas: 2,
    autoscaling: "on",
    maxReplicasCap: 5,
    topologySpread: false,
    sidecarResources: SIDECAR,
    drMinReplicasPercent: 30,
  },
  prod: {
    resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } },
    replicas: 3,
    autoscaling: "on",
    maxReplicasCap: undefined,
    topologySpread: true,
    sidecarResources: SIDECAR,
    drMinReplicasPercent: 30,
  },
};

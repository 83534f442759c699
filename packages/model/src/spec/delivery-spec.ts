import type { Duration } from "./primitives.ts";
import type { Weight } from "./mesh-spec.ts";

/**
 * How a new release of the service reaches its users.
 *
 * - `weights`: the versions and weights of the spec, changed by hand pull request by pull request (today's way).
 * - `canary`: Argo Rollouts shifts the Istio weights step by step to the new pod template, pausing between steps,
 *   and aborts on its own when the analysis fails.
 * - `blue-green`: Argo Rollouts starts the new pod template beside the old one behind a preview Service and switches
 *   the active Service to it when promoted.
 */
export type DeliveryStrategy = "weights" | "canary" | "blue-green";

/**
 * What judges a release: `slo` measures the new pods against the service's own objectives (p95 latency, error budget
 * burn) in Prometheus; `none` judges nothing (the steps only wait).
 */
export type DeliveryAnalysis = "slo" | "none";

/** Progressive delivery of the service (Argo Rollouts with Istio), or the manual weights of its versions. */
export interface ServiceDeliverySpec {
  /**
   * The delivery strategy. `canary` and `blue-green` run one version (a Rollout instead of a Deployment).
   * @default "weights"
   */
  readonly strategy?: DeliveryStrategy;
  /**
   * For `canary`: the canary's share of requests at each step, in percent, increasing, from 1 to 100 and ending at
   * 100.
   * @default [10, 25, 50, 100]
   * @minItems 1
   */
  readonly steps?: readonly Weight[];
  /**
   * For `canary`: how long each step below 100 % holds before the next, in whole seconds, minutes or hours (`30s`,
   * `5m`, `1h`).
   * @default "5m"
   */
  readonly pause?: Duration;
  /**
   * For `canary` and `blue-green`: what judges the new pods.
   * @default "slo"
   */
  readonly analysis?: DeliveryAnalysis;
  /**
   * For `blue-green`: switch the active Service to the new pods as soon as they are ready, without a person's
   * `promote`.
   * @default false
   */
  readonly autoPromote?: boolean;
}

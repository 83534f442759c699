import type { DeliveryAnalysis, ServiceDeliverySpec } from "./spec/delivery-spec.ts";

/** The canary steps of a service that names none: 10 %, 25 %, 50 %, then everything. */
export const DEFAULT_CANARY_STEPS: readonly number[] = [10, 25, 50, 100];
/** How long each canary step holds when the spec says nothing. */
export const DEFAULT_CANARY_PAUSE = "5m";

/** A service's delivery with every default applied. */
export type ResolvedDelivery =
  | { readonly strategy: "weights" }
  | {
      readonly strategy: "canary";
      /** Increasing, from 1 to 100, ending at 100. */
      readonly steps: readonly number[];
      /** How long each step below 100 % holds, e.g. `5m`. */
      readonly pause: string;
      readonly analysis: DeliveryAnalysis;
    }
  | { readonly strategy: "blue-green"; readonly analysis: DeliveryAnalysis; readonly autoPromote: boolean };

/** A service's delivery (already checked) with every default applied. */
export function resolveDelivery(spec: ServiceDeliverySpec | undefined): ResolvedDelivery {
  const strategy = spec?.strategy ?? "weights";
  if (strategy === "canary") {
    return { strategy, steps: [...(spec?.steps ?? DEFAULT_CANARY_STEPS)], pause: spec?.pause ?? DEFAULT_CANARY_PAUSE, analysis: spec?.analysis ?? "slo" };
  }
  if (strategy === "blue-green") return { strategy, analysis: spec?.analysis ?? "slo", autoPromote: spec?.autoPromote ?? false };
  return { strategy: "weights" };
}

/** Whether the service runs as an Argo Rollout (a canary or blue-green delivery) instead of a Deployment. */
export function isRollout(delivery: ResolvedDelivery): delivery is Exclude<ResolvedDelivery, { strategy: "weights" }> {
  return delivery.strategy !== "weights";
}

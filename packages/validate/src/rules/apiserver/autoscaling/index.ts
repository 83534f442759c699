import type { Rule } from "../../../rule.ts";
import { hpaBehavior } from "./hpa-behavior.rule.ts";
import { hpaMetrics } from "./hpa-metrics.rule.ts";
import { hpaReplicas } from "./hpa-replicas.rule.ts";
import { hpaScaleTargetRef } from "./hpa-scale-target-ref.rule.ts";

/** The rules of `rules/apiserver/autoscaling/`, in the order they run. */
export const APISERVER_AUTOSCALING_RULES: readonly Rule[] = [hpaReplicas, hpaScaleTargetRef, hpaMetrics, hpaBehavior];

import type { Rule } from "../../../rule.ts";
import { hpaReplicas } from "./hpa-replicas.rule.ts";

/** The rules of `rules/apiserver/autoscaling/`, in the order they run. */
export const APISERVER_AUTOSCALING_RULES: readonly Rule[] = [hpaReplicas];

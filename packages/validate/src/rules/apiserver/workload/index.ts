import type { Rule } from "../../../rule.ts";
import { deploymentProgressDeadline } from "./deployment-progress-deadline.rule.ts";
import { rollingUpdateIntOrPercent } from "./rolling-update-int-or-percent.rule.ts";
import { rollingUpdateNotZero } from "./rolling-update-not-zero.rule.ts";
import { statefulsetPvcRetentionPolicy } from "./statefulset-pvc-retention-policy.rule.ts";
import { statefulsetVolumeClaimTemplates } from "./statefulset-volume-claim-templates.rule.ts";
import { templateActiveDeadlineSeconds } from "./template-active-deadline-seconds.rule.ts";
import { workloadNonNegative } from "./workload-non-negative.rule.ts";
import { workloadRestartPolicy } from "./workload-restart-policy.rule.ts";
import { workloadSelector } from "./workload-selector.rule.ts";
import { workloadUpdateStrategy } from "./workload-update-strategy.rule.ts";

/** The rules of `rules/apiserver/workload/`, in the order they run. */
export const APISERVER_WORKLOAD_RULES: readonly Rule[] = [
  workloadSelector,
  workloadNonNegative,
  workloadRestartPolicy,
  templateActiveDeadlineSeconds,
  workloadUpdateStrategy,
  rollingUpdateIntOrPercent,
  rollingUpdateNotZero,
  deploymentProgressDeadline,
  statefulsetPvcRetentionPolicy,
  statefulsetVolumeClaimTemplates,
];

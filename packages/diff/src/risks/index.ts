import { authorizationWidened } from "./authorization-widened.risk.ts";
import { canaryWeightStep } from "./canary-weight-step.risk.ts";
import { certificateHostsShrunk } from "./certificate-hosts-shrunk.risk.ts";
import { drOnlyChange } from "./dr-only-change.risk.ts";
import { imageNotInStaging } from "./image-not-in-staging.risk.ts";
import { mtlsRelaxed } from "./mtls-relaxed.risk.ts";
import { networkPolicyWidened } from "./network-policy-widened.risk.ts";
import { prodAvailabilityLowered } from "./prod-availability-lowered.risk.ts";
import { prodDigestChanged } from "./prod-digest-changed.risk.ts";
import { prodExternalEgressAdded } from "./prod-external-egress-added.risk.ts";
import { prodCostIncrease } from "./prod-cost-increase.risk.ts";
import { prodObjectDeleted } from "./prod-object-deleted.risk.ts";
import { prodSecretSourceChanged } from "./prod-secret-source-changed.risk.ts";
import { resourcesBelowUsage } from "./resources-below-usage.risk.ts";
import type { RiskRule } from "./risk-rule.ts";
import { rolloutAnalysisWeakened } from "./rollout-analysis-weakened.risk.ts";
import { rolloutAutoPromote } from "./rollout-auto-promote.risk.ts";

export type { EnvironmentDelta, ObjectDelta, RiskContext, RiskFinding, RiskRule, RiskSettings } from "./risk-rule.ts";

/** Every risk rule, in the order flags are listed within an environment. */
export const RISK_RULES: readonly RiskRule[] = [
  prodObjectDeleted,
  prodAvailabilityLowered,
  mtlsRelaxed,
  authorizationWidened,
  networkPolicyWidened,
  prodExternalEgressAdded,
  resourcesBelowUsage,
  imageNotInStaging,
  prodDigestChanged,
  canaryWeightStep,
  rolloutAnalysisWeakened,
  rolloutAutoPromote,
  drOnlyChange,
  prodSecretSourceChanged,
  certificateHostsShrunk,
  prodCostIncrease,
];

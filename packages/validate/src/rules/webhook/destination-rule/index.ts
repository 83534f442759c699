import type { Rule } from "../../../rule.ts";
import { destinationRuleConnectionPool } from "./destination-rule-connection-pool.rule.ts";
import { destinationRuleExportTo } from "./destination-rule-export-to.rule.ts";
import { destinationRuleHost } from "./destination-rule-host.rule.ts";
import { destinationRuleLoadBalancer } from "./destination-rule-load-balancer.rule.ts";
import { destinationRuleOutlierDetection } from "./destination-rule-outlier-detection.rule.ts";
import { destinationRuleSubsets } from "./destination-rule-subsets.rule.ts";
import { destinationRuleTls } from "./destination-rule-tls.rule.ts";
import { destinationRuleTrafficPolicy } from "./destination-rule-traffic-policy.rule.ts";

/** The rules of `rules/webhook/destination-rule/`, in the order they run. */
export const WEBHOOK_DESTINATION_RULE_RULES: readonly Rule[] = [
  destinationRuleHost,
  destinationRuleSubsets,
  destinationRuleTrafficPolicy,
  destinationRuleConnectionPool,
  destinationRuleOutlierDetection,
  destinationRuleLoadBalancer,
  destinationRuleTls,
  destinationRuleExportTo,
];

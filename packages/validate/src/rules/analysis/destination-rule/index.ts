import type { Rule } from "../../../rule.ts";
import { destinationRuleHostNotFound } from "./destination-rule-host-not-found.rule.ts";
import { destinationRulePortTlsNoCaCertificates } from "./destination-rule-port-tls-no-ca-certificates.rule.ts";
import { destinationRuleSubsetNoPods } from "./destination-rule-subset-no-pods.rule.ts";
import { destinationRuleTlsNoCaCertificates } from "./destination-rule-tls-no-ca-certificates.rule.ts";

/** The rules of `rules/analysis/destination-rule/`, in the order they run. */
export const ANALYSIS_DESTINATION_RULE_RULES: readonly Rule[] = [
  destinationRuleHostNotFound,
  destinationRuleSubsetNoPods,
  destinationRuleTlsNoCaCertificates,
  destinationRulePortTlsNoCaCertificates,
];

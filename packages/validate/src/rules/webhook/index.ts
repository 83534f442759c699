import type { Rule } from "../../rule.ts";
import { WEBHOOK_AUTHORIZATION_POLICY_RULES } from "./authorization-policy/index.ts";
import { WEBHOOK_DESTINATION_RULE_RULES } from "./destination-rule/index.ts";
import { WEBHOOK_GATEWAY_RULES } from "./gateway/index.ts";
import { WEBHOOK_PEER_AUTHENTICATION_RULES } from "./peer-authentication/index.ts";
import { WEBHOOK_REQUEST_AUTHENTICATION_RULES } from "./request-authentication/index.ts";
import { WEBHOOK_SERVICE_ENTRY_RULES } from "./service-entry/index.ts";
import { WEBHOOK_SIDECAR_RULES } from "./sidecar/index.ts";
import { WEBHOOK_TELEMETRY_RULES } from "./telemetry/index.ts";
import { WEBHOOK_VIRTUAL_SERVICE_RULES } from "./virtual-service/index.ts";

/**
 * The rules of `rules/webhook/`: what istiod's validating webhook (`pkg/config/validation`, Istio 1.20–1.24) rejects,
 * one folder per kind, in the order they run.
 */
export const WEBHOOK_RULES: readonly Rule[] = [
  ...WEBHOOK_VIRTUAL_SERVICE_RULES,
  ...WEBHOOK_DESTINATION_RULE_RULES,
  ...WEBHOOK_GATEWAY_RULES,
  ...WEBHOOK_SERVICE_ENTRY_RULES,
  ...WEBHOOK_SIDECAR_RULES,
  ...WEBHOOK_PEER_AUTHENTICATION_RULES,
  ...WEBHOOK_AUTHORIZATION_POLICY_RULES,
  ...WEBHOOK_REQUEST_AUTHENTICATION_RULES,
  ...WEBHOOK_TELEMETRY_RULES,
];

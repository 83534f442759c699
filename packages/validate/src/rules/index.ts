import type { Rule } from "../rule.ts";
import { ANALYSIS_ANNOTATIONS_RULES } from "./analysis/annotations/index.ts";
import { ANALYSIS_AUTHORIZATION_RULES } from "./analysis/authorization/index.ts";
import { ANALYSIS_DESTINATION_RULE_RULES } from "./analysis/destination-rule/index.ts";
import { ANALYSIS_GATEWAY_RULES } from "./analysis/gateway/index.ts";
import { ANALYSIS_KUBERNETES_RULES } from "./analysis/kubernetes/index.ts";
import { ANALYSIS_SECRETS_RULES } from "./analysis/secrets/index.ts";
import { ANALYSIS_ROLLOUT_RULES } from "./analysis/rollout/index.ts";
import { ANALYSIS_SELECTOR_RULES } from "./analysis/selector/index.ts";
import { ANALYSIS_SERVICE_ENTRY_RULES } from "./analysis/service-entry/index.ts";
import { ANALYSIS_SIDECAR_RULES } from "./analysis/sidecar/index.ts";
import { ANALYSIS_TELEMETRY_RULES } from "./analysis/telemetry/index.ts";
import { ANALYSIS_VIRTUAL_SERVICE_RULES } from "./analysis/virtual-service/index.ts";
import { ANALYSIS_WORKLOAD_RULES } from "./analysis/workload/index.ts";
import { API_VERSION_RULES } from "./api-version/index.ts";
import { APISERVER_AUTOSCALING_RULES } from "./apiserver/autoscaling/index.ts";
import { APISERVER_BATCH_RULES } from "./apiserver/batch/index.ts";
import { APISERVER_CONTAINER_RULES } from "./apiserver/container/index.ts";
import { APISERVER_CORE_RULES } from "./apiserver/core/index.ts";
import { APISERVER_META_RULES } from "./apiserver/meta/index.ts";
import { APISERVER_NETWORKING_RULES } from "./apiserver/networking/index.ts";
import { APISERVER_POD_RULES } from "./apiserver/pod/index.ts";
import { APISERVER_POLICY_RULES } from "./apiserver/policy/index.ts";
import { APISERVER_RBAC_RULES } from "./apiserver/rbac/index.ts";
import { APISERVER_WORKLOAD_RULES } from "./apiserver/workload/index.ts";
import { POLICY_RULES } from "./policy/index.ts";
import { SCHEMA_RULES } from "./schema/index.ts";
import { SYNTAX_RULES } from "./syntax/index.ts";
import { WEBHOOK_RULES } from "./webhook/index.ts";

/**
 * Every rule, in the order the layers run: syntax, schema (type meta, unknown kinds, schema, unknown fields), served
 * API versions, kube-apiserver rules (by API area), istiod's validating webhook, then (per environment) cross-resource
 * analysis (Kubernetes references, then istioctl's analyzers by the kind they judge), and policy. Each layer and area
 * is a folder of `src/rules/` with one `<id>.rule.ts` per rule; a test checks that every rule file is registered here,
 * tested and documented in docs/rules.md.
 */
export const RULES: readonly Rule[] = [
  ...SYNTAX_RULES,
  ...SCHEMA_RULES,
  ...API_VERSION_RULES,
  ...APISERVER_META_RULES,
  ...APISERVER_CONTAINER_RULES,
  ...APISERVER_POD_RULES,
  ...APISERVER_WORKLOAD_RULES,
  ...APISERVER_BATCH_RULES,
  ...APISERVER_CORE_RULES,
  ...APISERVER_NETWORKING_RULES,
  ...APISERVER_AUTOSCALING_RULES,
  ...APISERVER_POLICY_RULES,
  ...APISERVER_RBAC_RULES,
  ...WEBHOOK_RULES,
  ...ANALYSIS_KUBERNETES_RULES,
  ...ANALYSIS_ROLLOUT_RULES,
  ...ANALYSIS_VIRTUAL_SERVICE_RULES,
  ...ANALYSIS_DESTINATION_RULE_RULES,
  ...ANALYSIS_SERVICE_ENTRY_RULES,
  ...ANALYSIS_AUTHORIZATION_RULES,
  ...ANALYSIS_GATEWAY_RULES,
  ...ANALYSIS_SIDECAR_RULES,
  ...ANALYSIS_TELEMETRY_RULES,
  ...ANALYSIS_ANNOTATIONS_RULES,
  ...ANALYSIS_WORKLOAD_RULES,
  ...ANALYSIS_SELECTOR_RULES,
  ...ANALYSIS_SECRETS_RULES,
  ...POLICY_RULES,
];

/** The registered rule with this id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

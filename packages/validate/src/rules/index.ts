import type { Rule } from "../rule.ts";
import { apiVersionDeprecated } from "./api-version-deprecated.rule.ts";
import { apiVersionServed } from "./api-version-served.rule.ts";
import { authorizationPolicyPrincipalNotFound } from "./authorization-policy-principal-not-found.rule.ts";
import { containerName } from "./container-name.rule.ts";
import { containerPortName } from "./container-port-name.rule.ts";
import { destinationRuleSubsetNoPods } from "./destination-rule-subset-no-pods.rule.ts";
import { envValueSource } from "./env-value-source.rule.ts";
import { envVarName } from "./env-var-name.rule.ts";
import { hpaReplicas } from "./hpa-replicas.rule.ts";
import { imageTagPinned } from "./image-tag-pinned.rule.ts";
import { metadataAnnotations } from "./metadata-annotations.rule.ts";
import { metadataLabels } from "./metadata-labels.rule.ts";
import { metadataName } from "./metadata-name.rule.ts";
import { mtlsNeverRelaxed } from "./mtls-never-relaxed.rule.ts";
import { noSecretData } from "./no-secret-data.rule.ts";
import { pdbBudget } from "./pdb-budget.rule.ts";
import { pdbSelectsNoPods } from "./pdb-selects-no-pods.rule.ts";
import { podSecurityRestricted } from "./pod-security-restricted.rule.ts";
import { portRange } from "./port-range.rule.ts";
import { probeHandler } from "./probe-handler.rule.ts";
import { probeSuccessThreshold } from "./probe-success-threshold.rule.ts";
import { probesRequired } from "./probes-required.rule.ts";
import { rbacNoWildcard } from "./rbac-no-wildcard.rule.ts";
import { requestsWithinLimits } from "./requests-within-limits.rule.ts";
import { resourcesRequired } from "./resources-required.rule.ts";
import { rollingUpdateNotZero } from "./rolling-update-not-zero.rule.ts";
import { scaleTargetNotFound } from "./scale-target-not-found.rule.ts";
import { schema } from "./schema.rule.ts";
import { serviceNodePort } from "./service-node-port.rule.ts";
import { servicePortNames } from "./service-port-names.rule.ts";
import { servicePortProtocol } from "./service-port-protocol.rule.ts";
import { serviceSelectsNoPods } from "./service-selects-no-pods.rule.ts";
import { typeMeta } from "./type-meta.rule.ts";
import { unknownField } from "./unknown-field.rule.ts";
import { unknownKind } from "./unknown-kind.rule.ts";
import { virtualServiceGatewayNotFound } from "./virtual-service-gateway-not-found.rule.ts";
import { virtualServiceHostConflict } from "./virtual-service-host-conflict.rule.ts";
import { virtualServiceHostNotFound } from "./virtual-service-host-not-found.rule.ts";
import { virtualServiceSubsetNotFound } from "./virtual-service-subset-not-found.rule.ts";
import { volumeMountVolume } from "./volume-mount-volume.rule.ts";
import { workloadSelector } from "./workload-selector.rule.ts";
import { yamlSyntax } from "./yaml-syntax.rule.ts";

/**
 * Every rule, in the order the layers run: syntax, schema (type meta, unknown kinds, schema, unknown fields), served
 * API versions, apiserver rules, then (per environment) cross-resource analysis, and policy. A test checks that every
 * `*.rule.ts` file is registered here, tested and documented in docs/rules.md.
 */
export const RULES: readonly Rule[] = [
  // 1. YAML
  yamlSyntax,
  // 2–3. Schema and unknown fields
  typeMeta,
  unknownKind,
  schema,
  unknownField,
  // 4. Served API versions
  apiVersionServed,
  apiVersionDeprecated,
  // 5. kube-apiserver rules
  metadataName,
  metadataLabels,
  metadataAnnotations,
  containerName,
  containerPortName,
  portRange,
  envVarName,
  envValueSource,
  volumeMountVolume,
  requestsWithinLimits,
  probeHandler,
  probeSuccessThreshold,
  workloadSelector,
  rollingUpdateNotZero,
  servicePortNames,
  serviceNodePort,
  hpaReplicas,
  pdbBudget,
  // 6. Cross-resource analysis
  virtualServiceHostNotFound,
  virtualServiceSubsetNotFound,
  virtualServiceGatewayNotFound,
  virtualServiceHostConflict,
  destinationRuleSubsetNoPods,
  serviceSelectsNoPods,
  scaleTargetNotFound,
  pdbSelectsNoPods,
  authorizationPolicyPrincipalNotFound,
  servicePortProtocol,
  // 7. Policy
  podSecurityRestricted,
  resourcesRequired,
  probesRequired,
  imageTagPinned,
  noSecretData,
  mtlsNeverRelaxed,
  rbacNoWildcard,
];

/** The registered rule with this id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}

export type { Finding, Severity } from "./finding.ts";
export { compareFindings } from "./finding.ts";
export { formatPath, key, type FieldPath, type MapKey, type PathSegment } from "./field-path.ts";
export type { ManifestObject } from "./manifest-object.ts";
export { manifestObject, resourceName } from "./manifest-object.ts";
export { parseSource, type ManifestSource, type ParsedDocument, type ParsedSource, type Position } from "./parse/parse-source.ts";
export {
  RULE_CATEGORIES,
  isConfigurable,
  isSemantic,
  isSuppressible,
  suppressionAnnotation,
  type GroupProblem,
  type GroupRule,
  type ObjectRule,
  type Rule,
  type RuleCategory,
  type RuleContext,
  type RuleMeta,
  type RuleProblem,
  type SourceRule,
} from "./rule.ts";
export { RULES, ruleById } from "./rules/index.ts";
export { checkManifests, type ManifestProblem } from "./check-manifests.ts";
export { KindRegistry, KIND_CATALOG, apiGroup } from "./schema/kind-catalog.ts";
export type { CatalogKind, KindCatalogData, Shape, ShapeRef } from "./schema/shape.ts";
export { servedStatus, type ServedStatus } from "./versions/served-status.ts";
export { DEFAULT_TARGET_VERSIONS, compareMinor, isMinorVersion, type TargetVersions } from "./versions/target-versions.ts";
export { KUBERNETES_API_LIFECYCLE, type KubernetesApiLifecycle } from "./versions/kubernetes-apis.ts";
export { ISTIO_APIS, type IstioApi } from "./versions/istio-apis.ts";
export {
  defaultRegistry,
  ruleLevelProblems,
  validateGroup,
  validateGroups,
  resourceCount,
  type RuleLevel,
  type ValidateOptions,
  type ValidationGroup,
  type ValidationReport,
} from "./validate.ts";

export { diffPlatform, DEFAULT_MAX_WEIGHT_STEP, DEFAULT_MAX_COST_INCREASE, type DiffInput, type DiffOptions } from "./diff-platform.ts";
export { diffCost, type CostChange, type CostDiff, type CostInput, type EnvironmentCostChange, type ServiceCostChange, type TenantCostChange } from "./cost-diff.ts";
export { diffValues, jsonEqual } from "./diff-values.ts";
export { orderEnvironments, type EnvironmentInfo } from "./environment-info.ts";
export type { FieldChange, JsonValue } from "./field-change.ts";
export { listItemKey } from "./list-item-key.ts";
export {
  countChanges,
  hasChanges,
  type ChangeCounts,
  type ChangeKind,
  type EnvironmentDiff,
  type ObjectChange,
  type PlatformDiff,
  type RiskFlag,
} from "./object-change.ts";
export { compareObjectKeys, objectId, objectKeyString, type ObjectKey } from "./object-key.ts";
export { parseRenderedFiles, type Manifest, type ParsedRender, type ParseProblem, type RenderedObject, type RenderedText } from "./rendered-object.ts";
export { parseUsageHints, type ObservedUsage, type ParsedUsageHints, type UsageHints } from "./usage-hints.ts";
export * from "./risks/index.ts";
export { ANSI, PLAIN, type Painter } from "./format/painter.ts";
export { formatText, formatValue, changeLines, countsText, riskText, summaryText, type ReportSubject } from "./format/report-text.ts";
export { formatMarkdown, escapeMarkdown, GITHUB_COMMENT_LIMIT, MARKDOWN_MARKER, type MarkdownOptions } from "./format/report-markdown.ts";
export { formatJson } from "./format/report-json.ts";
export { callEdges, type CallEdge } from "./call-edges.ts";
export { diffCallGraph, type CallGraphChange } from "./call-graph-diff.ts";
export { callGraphMarkdown, MAX_DIAGRAM_EDGES } from "./format/call-graph-markdown.ts";

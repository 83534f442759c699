/** How bad a finding is: errors fail the gate; warnings fail it only with `strict`. */
export type Severity = "error" | "warning";

/** One problem the gate found. Plain data: only the CLI formats findings. */
export interface Finding {
  /** The rule that found it (see docs/rules.md). */
  readonly ruleId: string;
  readonly severity: Severity;
  /** The file, as the caller named it. */
  readonly file: string;
  /** 1-based line of the offending node (or of its nearest existing parent when the field is missing). */
  readonly line: number;
  /** 1-based column. */
  readonly column: number;
  /** The environment the file belongs to, when it belongs to one. */
  readonly environment?: string;
  /** The object, as `Kind/name` (empty when the problem is not in an object, e.g. a YAML syntax error). */
  readonly resource: string;
  /** The field, e.g. `spec.template.spec.containers[0].name` (empty for the whole object or document). */
  readonly path: string;
  /** What is wrong; the kube-apiserver's own wording where it has one. */
  readonly message: string;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Report order: file, line, column, rule, message. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.path, b.path) ||
    compareText(a.message, b.message)
  );
}

import type { Finding } from "@cloudlab/validate";

/** Counts of a validation, as the JSON format and the summary line report them. */
export interface FindingsSummary {
  readonly errors: number;
  readonly warnings: number;
  readonly files: number;
  readonly resources: number;
}

/** The summary of a report. */
export function summarize(findings: readonly Finding[], files: number, resources: number): FindingsSummary {
  const errors = findings.filter((f) => f.severity === "error").length;
  return { errors, warnings: findings.length - errors, files, resources };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** `3 errors, 1 warning in 120 resources (45 files)`. */
export function summaryText(summary: FindingsSummary): string {
  return `${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")} in ${plural(summary.resources, "resource")} (${plural(summary.files, "file")})`;
}

import type { Finding } from "@cloudlab/validate";
import type { FindingsSummary } from "./summary.ts";

/** One JSON document: the summary and every finding as data. */
export function jsonFormat(findings: readonly Finding[], summary: FindingsSummary): string {
  return `${JSON.stringify({ summary, findings }, null, 2)}\n`;
}

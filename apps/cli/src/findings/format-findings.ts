import { RULES, type Finding } from "@cloudlab/validate";
import { githubFormat } from "./github-format.ts";
import { humanFormat } from "./human-format.ts";
import { jsonFormat } from "./json-format.ts";
import { sarifFormat } from "./sarif-format.ts";
import type { FindingsSummary } from "./summary.ts";

/** The output formats of `cloudlab validate`. */
export const FINDINGS_FORMATS = ["human", "json", "github", "sarif"] as const;

export type FindingsFormat = (typeof FINDINGS_FORMATS)[number];

/** The findings in one of the output formats. */
export function formatFindings(format: FindingsFormat, findings: readonly Finding[], summary: FindingsSummary): string {
  switch (format) {
    case "human":
      return humanFormat(findings);
    case "json":
      return jsonFormat(findings, summary);
    case "github":
      return githubFormat(findings);
    case "sarif":
      return sarifFormat(findings, RULES);
  }
}

import type { Finding } from "@cloudlab/validate";

/** `file:line:col Kind/name field: message [rule]`, one line per finding (warnings say so before the message). */
export function humanLine(finding: Finding): string {
  const where = `${finding.file}:${finding.line}:${finding.column}`;
  const subject = [finding.resource, finding.path === "" ? "" : `${finding.path}:`].filter((s) => s !== "").join(" ");
  const severity = finding.severity === "warning" ? "warning: " : "";
  return `${where} ${subject === "" ? "" : `${subject} `}${severity}${finding.message} [${finding.ruleId}]`;
}

/** Every finding as a human-readable line. */
export function humanFormat(findings: readonly Finding[]): string {
  return findings.map((f) => `${humanLine(f)}\n`).join("");
}

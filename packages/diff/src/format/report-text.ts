import type { FieldChange, JsonValue } from "../field-change.ts";
import { countChanges, type ChangeCounts, type EnvironmentDiff, type ObjectChange, type PlatformDiff, type RiskFlag } from "../object-change.ts";
import { objectId } from "../object-key.ts";
import { costTextLines } from "./cost-section.ts";
import type { Painter } from "./painter.ts";

/** What was compared, as the report's heading names it. */
export interface ReportSubject {
  /** e.g. `origin/main (1a2b3c4)`. */
  readonly base: string;
  /** e.g. `working tree`. */
  readonly head: string;
}

/** A value in a report: JSON (strings quoted), `(none)` for an absent one. */
export function formatValue(value: JsonValue | undefined): string {
  return value === undefined ? "(none)" : JSON.stringify(value);
}

const MARKS = { added: "+", removed: "-", changed: "~" } as const;

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `1 added, 2 changed` (zero counts left out), or `no changes`. */
export function countsText(counts: ChangeCounts): string {
  const parts = (["added", "removed", "changed"] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  return parts.length === 0 ? "no changes" : parts.join(", ");
}

/** How a change names its object: `Kind/namespace/name`, plus the apiVersion when another change has the same name. */
function objectLabel(change: ObjectChange, all: readonly ObjectChange[]): string {
  const id = objectId(change.object);
  const ambiguous = all.some((other) => other !== change && objectId(other.object) === id);
  return ambiguous ? `${id} (${change.object.apiVersion})` : id;
}

function fieldLine(field: FieldChange, paint: Painter): string {
  const before = field.before === undefined ? paint.dim(formatValue(undefined)) : paint.removed(formatValue(field.before));
  const after = field.after === undefined ? paint.dim(formatValue(undefined)) : paint.added(formatValue(field.after));
  return `    ${field.path}: ${before} → ${after}`;
}

/** The lines of one environment's changes, without indentation: `+ Kind/ns/name`, `~ …` then its fields. */
export function changeLines(environment: EnvironmentDiff, paint: Painter): string[] {
  const lines: string[] = [];
  for (const change of environment.changes) {
    const style = paint[change.change];
    lines.push(style(`${MARKS[change.change]} ${objectLabel(change, environment.changes)}`));
    for (const field of change.fields) lines.push(fieldLine(field, paint));
  }
  return lines;
}

/** `prod-us-west-2 Deployment/shop/web: reason [rule]`. */
export function riskText(flag: RiskFlag): string {
  return `${flag.environment}${flag.object === undefined ? "" : ` ${flag.object}`}: ${flag.reason} [${flag.rule}]`;
}

/** The last line: what changed overall. */
export function summaryText(diff: PlatformDiff): string {
  const total = diff.environments.length;
  const changed = diff.environments.filter((e) => e.changes.length > 0);
  if (changed.length === 0) return `No changes in ${plural(total, "environment")}.`;
  const counts = countChanges(changed);
  return (
    `${changed.length} of ${plural(total, "environment")} changed: ` +
    `${counts.added} added, ${counts.removed} removed, ${counts.changed} changed ${counts.added + counts.removed + counts.changed === 1 ? "object" : "objects"}; ` +
    `${plural(diff.risks.length, "risk flag")}.`
  );
}

/**
 * The terminal report: the heading, risk flags first, the monthly cost delta (when the diff has one), then each environment (one line when unchanged, else every
 * added, removed and changed object with its field changes), then a summary line.
 */
export function formatText(diff: PlatformDiff, subject: ReportSubject, paint: Painter): string {
  const lines: string[] = [paint.bold(`cloudlab diff: ${subject.base} → ${subject.head}`), ""];
  if (diff.risks.length === 0) lines.push(`Risks: none`);
  else {
    lines.push(paint.risk(`Risks (${diff.risks.length}):`));
    for (const flag of diff.risks) lines.push(`  ${paint.risk("!")} ${riskText(flag)}`);
  }
  lines.push("");
  if (diff.cost !== undefined) lines.push(...costTextLines(diff.cost), "");
  for (const environment of diff.environments) {
    const counts = countChanges(environment);
    if (environment.changes.length === 0) {
      lines.push(paint.dim(`${environment.environment.name}: no changes`));
      continue;
    }
    lines.push(`${paint.bold(environment.environment.name)}: ${countsText(counts)}`);
    for (const line of changeLines(environment, paint)) lines.push(`  ${line}`);
  }
  lines.push("", summaryText(diff));
  return `${lines.join("\n")}\n`;
}

import { countChanges, hasChanges, type PlatformDiff } from "../object-change.ts";
import { objectId } from "../object-key.ts";
import type { ReportSubject } from "./report-text.ts";

/**
 * The machine-readable report: what was compared, whether anything changed, totals, risk flags, and per environment
 * every changed object with its key, file and field changes (`before` / `after` left out when absent). Two-space
 * indented, with a trailing newline.
 */
export function formatJson(diff: PlatformDiff, subject: ReportSubject): string {
  const totals = countChanges(diff.environments);
  const report = {
    base: subject.base,
    head: subject.head,
    changed: hasChanges(diff),
    summary: {
      environments: diff.environments.length,
      changedEnvironments: diff.environments.filter((e) => e.changes.length > 0).length,
      ...totals,
      risks: diff.risks.length,
    },
    risks: diff.risks,
    environments: diff.environments.map(({ environment, changes }) => ({
      name: environment.name,
      ...(environment.stage === undefined ? {} : { stage: environment.stage }),
      ...(environment.role === undefined ? {} : { role: environment.role }),
      ...countChanges({ environment, changes }),
      changes: changes.map(({ change, object, file, fields }) => ({
        change,
        object: objectId(object),
        apiVersion: object.apiVersion,
        kind: object.kind,
        ...(object.namespace === undefined ? {} : { namespace: object.namespace }),
        name: object.name,
        file,
        fields,
      })),
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

import type { Finding, RuleMeta } from "@cloudlab/validate";

/** The SARIF 2.1.0 log of a validation: one run, the rules as the tool's reporting descriptors, one result per finding. */
export function sarifFormat(findings: readonly Finding[], rules: readonly RuleMeta[]): string {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "cloudlab validate",
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: { text: rule.description },
              ...(rule.upstreamMessage === undefined ? {} : { fullDescription: { text: `${rule.description} Upstream message: ${rule.upstreamMessage}` } }),
              defaultConfiguration: { level: rule.severity },
              properties: { category: rule.category },
            })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.ruleId,
          ...(index.has(f.ruleId) ? { ruleIndex: index.get(f.ruleId) } : {}),
          level: f.severity,
          message: { text: `${[f.resource, f.path].filter((s) => s !== "").join(" ")}${f.resource === "" && f.path === "" ? "" : ": "}${f.message}` },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: f.file }, region: { startLine: f.line, startColumn: f.column } },
              ...(f.resource === "" ? {} : { logicalLocations: [{ name: f.resource, kind: "resource" }] }),
            },
          ],
          properties: { ...(f.environment === undefined ? {} : { environment: f.environment }), resource: f.resource, path: f.path },
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

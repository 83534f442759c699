import { isConfigurable, isSuppressible, RULE_CATEGORIES, RULES, suppressionAnnotation, type RuleCategory, type RuleMeta } from "../src/index.ts";

const CATEGORY_TITLES: Readonly<Record<RuleCategory, string>> = {
  syntax: "1. YAML syntax",
  schema: "2–3. Schema and unknown fields",
  "api-version": "4. Served API versions",
  apiserver: "5. kube-apiserver rules",
  analysis: "6. Cross-resource analysis (per environment)",
  policy: "7. Policy",
};

const CATEGORY_NOTES: Readonly<Record<RuleCategory, string>> = {
  syntax: "A document with a syntax error is left out of every later layer.",
  schema:
    "Schemas come from the kubernetes-models packages (Kubernetes, Istio, Gateway API, Argo CD, Flux, Prometheus Operator); the known fields of every kind are generated from their TypeScript declarations into `packages/validate/src/generated/kind-catalog.json` (`npm run generate`; a test fails when it is stale). An object that fails `schema` is not checked by the apiserver, analysis and policy layers.",
  "api-version":
    "Kubernetes' own groups follow the environment's Kubernetes version, Istio's its Istio version (per environment from the platform's environment specs; for other paths `--kubernetes-version` and `--istio-version`, default 1.28 and 1.20). Custom resources of other groups depend on the CRDs installed and are not checked.",
  apiserver: "The apiserver's defaulting is applied first (probe thresholds, rolling update surge, Service target ports, requests from limits…), so a default never causes an error.",
  analysis:
    "Run over all objects of one environment folder (or of all paths given together). Severities can be changed with `--rule <id>=error|warning|off`.",
  policy: `Severities can be changed with \`--rule <id>=error|warning|off\`. Each can be waived on one object with the annotation \`cloudlab.io/allow-<rule-id>: "<reason>"\`; an empty reason does not waive it.`,
};

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function ruleSection(rule: RuleMeta): string {
  const facts = [
    `- **Layer:** ${CATEGORY_TITLES[rule.category]}`,
    `- **Default severity:** ${rule.severity}${isConfigurable(rule) ? " (configurable)" : ""}`,
    ...(isSuppressible(rule) ? [`- **Waiver:** \`${suppressionAnnotation(rule.id)}: "<reason>"\``] : []),
    ...(rule.stops === "rest" ? ["- **On failure:** no later rule checks the object"] : rule.stops === "semantic" ? ["- **On failure:** the apiserver, analysis and policy rules skip the object"] : []),
    `- **Source:** [\`packages/validate/src/rules/${rule.id}.rule.ts\`](../packages/validate/src/rules/${rule.id}.rule.ts), tested by [\`${rule.id}.rule.test.ts\`](../packages/validate/test/rules/${rule.id}.rule.test.ts)`,
  ];
  const upstream = rule.upstreamMessage === undefined ? [] : ["", "Upstream message:", "", "```", rule.upstreamMessage, "```"];
  return [`### \`${rule.id}\``, "", rule.description, "", ...facts, ...upstream, ""].join("\n");
}

/** docs/rules.md, generated from the rule registry (`npm run generate`; a test fails when it is stale). */
export function rulesDocument(rules: readonly RuleMeta[] = RULES): string {
  const lines: string[] = [
    "# Validation rules",
    "",
    "<!-- Generated from packages/validate/src/rules by `npm run generate`. Do not edit: a test fails when it is stale. -->",
    "",
    "`cloudlab validate [PATH…]` (and `cloudlab synth`, before it writes) runs these rules, layer by layer. Findings are",
    "`file:line:col Kind/name field: message [rule-id]`; exit code 1 when any is an error (with `--strict`, a warning too).",
    "",
    "| rule | layer | severity | what it requires |",
    "| --- | --- | --- | --- |",
    ...rules.map((r) => `| [\`${r.id}\`](#${r.id}) | ${r.category} | ${r.severity} | ${cell(r.description)} |`),
    "",
  ];
  for (const category of RULE_CATEGORIES) {
    const inCategory = rules.filter((r) => r.category === category);
    if (inCategory.length === 0) continue;
    lines.push(`## ${CATEGORY_TITLES[category]}`, "", CATEGORY_NOTES[category], "", ...inCategory.map(ruleSection));
  }
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

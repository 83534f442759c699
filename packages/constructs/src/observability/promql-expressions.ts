import { parse as parseYaml } from "yaml";
import { GRAFANA_DASHBOARD_LABEL } from "./monitoring-names.ts";
import { ALERTS_FILE } from "./prometheus-config.ts";
import { promqlProblems } from "./promql-check.ts";

/** A rendered object as plain JSON (what the renderer analyses). */
export interface PlainManifest {
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly labels?: Readonly<Record<string, string>> };
  readonly spec?: unknown;
  readonly data?: Readonly<Record<string, string>>;
}

/** A PromQL expression found in an object, with where it is. */
export interface FoundExpression {
  /** E.g. `spec.groups[0].rules[2].expr`, or `data.x.json: panels[1].targets[0].expr` inside embedded JSON. */
  readonly path: string;
  readonly expr: string;
}

/** A problem with one expression (or with the document holding expressions), starting with where it is. */
export interface ExpressionProblem {
  readonly path: string;
  readonly message: string;
}

type RuleGroups = { groups?: { rules?: { expr?: unknown }[] }[] };
type AnalysisMetrics = { metrics?: { provider?: { prometheus?: { query?: unknown } } }[] };
type DashboardJson = { panels?: { targets?: { expr?: unknown }[] }[] };

function ruleExpressions(groups: RuleGroups, prefix: string): FoundExpression[] {
  return (groups.groups ?? []).flatMap((group, g) =>
    (group.rules ?? []).map((rule, r) => ({ path: `${prefix}groups[${g}].rules[${r}].expr`, expr: String(rule.expr ?? "") })),
  );
}

/** The Prometheus queries of an Argo Rollouts AnalysisTemplate's metrics (other providers' metrics have none). */
function analysisExpressions(spec: AnalysisMetrics): FoundExpression[] {
  return (spec.metrics ?? []).flatMap((metric, m) => {
    const query = metric.provider?.prometheus?.query;
    return query === undefined ? [] : [{ path: `spec.metrics[${m}].provider.prometheus.query`, expr: String(query) }];
  });
}

function isDashboardConfigMap(manifest: PlainManifest): boolean {
  return manifest.kind === "ConfigMap" && Object.entries(GRAFANA_DASHBOARD_LABEL).every(([k, v]) => manifest.metadata.labels?.[k] === v);
}

/**
 * Every PromQL expression of an object: the rules of a PrometheusRule, the Prometheus queries of an Argo Rollouts
 * AnalysisTemplate, the panel queries of a Grafana dashboard
 * ConfigMap (label `grafana_dashboard: "1"`), and the rules of the `prometheus-config` ConfigMap's `alerts.yml`.
 * An embedded document that does not parse is a problem of its own.
 */
export function expressionsOf(manifest: PlainManifest): { expressions: FoundExpression[]; problems: ExpressionProblem[] } {
  if (manifest.kind === "PrometheusRule") return { expressions: ruleExpressions((manifest.spec ?? {}) as RuleGroups, "spec."), problems: [] };
  if (manifest.kind === "AnalysisTemplate") return { expressions: analysisExpressions((manifest.spec ?? {}) as AnalysisMetrics), problems: [] };
  const expressions: FoundExpression[] = [];
  const problems: ExpressionProblem[] = [];
  if (manifest.kind !== "ConfigMap") return { expressions, problems };
  for (const [key, text] of Object.entries(manifest.data ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const where = `data.${key}`;
    if (isDashboardConfigMap(manifest) && key.endsWith(".json")) {
      let dashboard: DashboardJson;
      try {
        dashboard = JSON.parse(text) as DashboardJson;
      } catch (error) {
        problems.push({ path: where, message: `is not valid JSON (${(error as Error).message})` });
        continue;
      }
      (dashboard.panels ?? []).forEach((panel, p) =>
        (panel.targets ?? []).forEach((target, t) => expressions.push({ path: `${where}: panels[${p}].targets[${t}].expr`, expr: String(target.expr ?? "") })),
      );
    } else if (manifest.metadata.name === "prometheus-config" && key === ALERTS_FILE) {
      let groups: RuleGroups;
      try {
        groups = (parseYaml(text) ?? {}) as RuleGroups;
      } catch (error) {
        problems.push({ path: where, message: `is not valid YAML (${(error as Error).message.split("\n")[0]})` });
        continue;
      }
      expressions.push(...ruleExpressions(groups, `${where}: `));
    }
  }
  return { expressions, problems };
}

/**
 * What is wrong with the PromQL of an object: each expression that does not parse or selects a metric the platform
 * does not emit, and each embedded document that does not parse. Empty for a sound object (or one without PromQL).
 */
export function promqlProblemsOf(manifest: PlainManifest): ExpressionProblem[] {
  const { expressions, problems } = expressionsOf(manifest);
  return [...problems, ...expressions.flatMap(({ path, expr }) => promqlProblems(expr).map((message) => ({ path, message })))];
}

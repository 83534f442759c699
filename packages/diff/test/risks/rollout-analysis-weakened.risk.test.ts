import type { Manifest } from "../../src/index.ts";
import { rolloutAnalysisWeakened } from "../../src/risks/rollout-analysis-weakened.risk.ts";
import { everywhere, manifest, rendered, replace, without } from "../fixtures.ts";
import { riskTable } from "./risk-table.ts";

const analysis = { templates: [{ templateName: "web-slo" }], args: [{ name: "revision", value: "1.0.0" }], startingStep: 1 };

/** A canary Rollout; `analysis: null` renders it without background analysis. */
function canary(changes: { analysis?: unknown; steps?: unknown[] } = {}): Manifest {
  const { analysis: background = analysis, steps = [{ setWeight: 10 }, { pause: { duration: "5m" } }, { setWeight: 100 }] } = changes;
  return manifest("argoproj.io/v1alpha1", "Rollout", "web", {
    selector: { matchLabels: { "app.kubernetes.io/name": "web" } },
    template: { metadata: { labels: { "app.kubernetes.io/name": "web" } }, spec: { containers: [{ name: "web", image: "registry.example/shop/web:1.0.0" }] } },
    strategy: { canary: { steps, ...(background === null ? {} : { analysis: background }) } },
  });
}

/** A blue-green Rollout; `null` renders it without post-promotion analysis. */
function blueGreen(post: unknown = analysis): Manifest {
  return manifest("argoproj.io/v1alpha1", "Rollout", "web", { strategy: { blueGreen: { activeService: "web", autoPromotionEnabled: false, ...(post === null ? {} : { postPromotionAnalysis: post }) } } });
}

interface MetricChanges {
  readonly latency?: number;
  readonly errors?: number;
  readonly failureLimit?: number;
  readonly query?: string;
  readonly dropErrors?: boolean;
  readonly dropFailure?: boolean;
}

function template(changes: MetricChanges = {}): Manifest {
  const metric = (name: string, threshold: number, query: string) => ({
    name,
    interval: "1m",
    failureLimit: changes.failureLimit ?? 1,
    successCondition: `len(result) > 0 && result[0] < ${threshold}`,
    ...(changes.dropFailure === true ? {} : { failureCondition: `len(result) > 0 && result[0] >= ${threshold}` }),
    provider: { prometheus: { address: "http://prometheus:9090", query } },
  });
  return manifest("argoproj.io/v1alpha1", "AnalysisTemplate", "web-slo", {
    args: [{ name: "revision" }],
    metrics: [
      metric("latency-p95", changes.latency ?? 250, changes.query ?? "p95"),
      ...(changes.dropErrors === true ? [] : [metric("error-ratio", changes.errors ?? 0.0144, "errors")]),
    ],
  });
}

const base = () => everywhere([canary(), template()]);
const PROD = "prod-us-west-2";

riskTable(rolloutAnalysisWeakened, [
  { name: "nothing changed", base: base(), head: (b) => b, flags: [] },
  { name: "thresholds tightened in prod", base: base(), head: (b) => replace(b, rendered(PROD, template({ latency: 200, errors: 0.01, failureLimit: 0 }))), flags: [] },
  { name: "thresholds loosened in staging", base: base(), head: (b) => replace(b, rendered("staging", template({ latency: 500 }))), flags: [] },
  { name: "analysis removed in dev", base: base(), head: (b) => replace(b, rendered("dev", canary({ analysis: null }))), flags: [] },
  { name: "a step added to the canary", base: base(), head: (b) => replace(b, rendered(PROD, canary({ steps: [{ setWeight: 5 }, { pause: { duration: "5m" } }, { setWeight: 100 }] }))), flags: [] },
  {
    name: "the canary's analysis removed in prod",
    base: base(),
    head: (b) => replace(b, rendered(PROD, canary({ analysis: null }))),
    flags: [`${PROD} Rollout/shop/web: the canary's analysis removed (it ran web-slo)`],
  },
  {
    name: "a step analysis dropped in the DR cluster",
    base: everywhere([canary({ steps: [{ setWeight: 10 }, { analysis: { templates: [{ templateName: "smoke" }] } }, { setWeight: 100 }] }), template()]),
    head: (b) => replace(b, rendered("prod-us-east-1", canary())),
    flags: ["prod-us-east-1 Rollout/shop/web: the canary's steps no longer run smoke"],
  },
  {
    name: "a blue-green's post-promotion analysis removed",
    base: everywhere([blueGreen(), template()]),
    head: (b) => replace(b, rendered(PROD, blueGreen(null))),
    flags: [`${PROD} Rollout/shop/web: the blue-green's post-promotion analysis removed (it ran web-slo)`],
  },
  {
    name: "the latency objective and failureLimit loosened in prod",
    base: base(),
    head: (b) => replace(b, rendered(PROD, template({ latency: 400, failureLimit: 3 }))),
    flags: [
      `${PROD} AnalysisTemplate/shop/web-slo: metric latency-p95: success threshold loosened from < 250 to < 400`,
      `${PROD} AnalysisTemplate/shop/web-slo: metric latency-p95: failureLimit raised from 1 to 3`,
      `${PROD} AnalysisTemplate/shop/web-slo: metric error-ratio: failureLimit raised from 1 to 3`,
    ],
  },
  {
    name: "the error metric removed and the failure conditions dropped",
    base: base(),
    head: (b) => replace(b, rendered(PROD, template({ dropErrors: true, dropFailure: true }))),
    flags: [`${PROD} AnalysisTemplate/shop/web-slo: metric latency-p95: failure condition removed`, `${PROD} AnalysisTemplate/shop/web-slo: metric error-ratio removed`],
  },
  {
    name: "a query changed",
    base: base(),
    head: (b) => replace(b, rendered(PROD, template({ query: "p50" }))),
    flags: [`${PROD} AnalysisTemplate/shop/web-slo: metric latency-p95: query changed`],
  },
  {
    name: "the template removed",
    base: base(),
    head: (b) => without(b, PROD, "AnalysisTemplate", "web-slo"),
    flags: [`${PROD} AnalysisTemplate/shop/web-slo: AnalysisTemplate removed: the releases that named it are judged by nothing`],
  },
]);

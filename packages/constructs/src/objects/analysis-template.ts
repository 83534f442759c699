import { isRollout, type ResolvedService } from "@cloudlab/model";
import { AnalysisTemplate } from "@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/AnalysisTemplate";
import { serviceLabels } from "../labels.ts";
import { PROMETHEUS_URL } from "../observability/monitoring-names.ts";
import { ANALYSIS_INTERVAL, ANALYSIS_WINDOW, errorRatioThreshold, revisionErrorRatio, revisionLatencyP95 } from "../observability/rollout-analysis.ts";
import { decimal } from "../observability/service-queries.ts";
import { analysisTemplateName, REVISION_ARG } from "./rollout-names.ts";

/** How many failed measurements a metric tolerates before the analysis fails (one bad minute is noise at 10 %). */
export const ANALYSIS_FAILURE_LIMIT = 1;
/** How many measurements a blue-green's post-promotion analysis takes before the old pods go (one a minute). */
export const POST_PROMOTION_MEASUREMENTS = 5;

/** A success and a failure condition on a value that must stay below `threshold`; no value is inconclusive. */
function below(threshold: string): { successCondition: string; failureCondition: string } {
  return { successCondition: `len(result) > 0 && result[0] < ${threshold}`, failureCondition: `len(result) > 0 && result[0] >= ${threshold}` };
}

/**
 * The AnalysisTemplate that judges a release of the service against its own SLO, in Prometheus, on the new pods only
 * (the `revision` argument): p95 latency below the objective, and the error ratio below the error budget's fast-burn
 * threshold. A measurement over too few requests has no value, so it is inconclusive (Argo Rollouts pauses) rather
 * than a pass. A canary's analysis runs in the background until the last step; a blue-green's runs
 * {@link POST_PROMOTION_MEASUREMENTS} times after the switch. `undefined` without a Rollout or with `analysis: "none"`.
 */
export function buildAnalysisTemplate(service: ResolvedService): AnalysisTemplate | undefined {
  const delivery = service.delivery;
  if (!isRollout(delivery) || delivery.analysis !== "slo") return undefined;
  const timing = {
    interval: ANALYSIS_INTERVAL,
    // The first measurement waits for one full window of the new pods' traffic.
    initialDelay: ANALYSIS_WINDOW,
    failureLimit: ANALYSIS_FAILURE_LIMIT,
    ...(delivery.strategy === "blue-green" ? { count: POST_PROMOTION_MEASUREMENTS } : {}),
  };
  const prometheus = (query: string) => ({ prometheus: { address: PROMETHEUS_URL, query } });
  const slo = service.observability.slo;
  return new AnalysisTemplate({
    metadata: { name: analysisTemplateName(service), namespace: service.tenant, labels: serviceLabels(service) },
    spec: {
      args: [{ name: REVISION_ARG }],
      metrics: [
        { name: "latency-p95", ...timing, ...below(String(slo.latencyP95Milliseconds)), provider: prometheus(revisionLatencyP95(service)) },
        { name: "error-ratio", ...timing, ...below(decimal(errorRatioThreshold(service))), provider: prometheus(revisionErrorRatio(service)) },
      ],
    },
  });
}

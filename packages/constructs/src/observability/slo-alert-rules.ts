import type { ResolvedService } from "@cloudlab/model";
import {
  decimal,
  durationQuantile,
  errorRatio,
  hasRequestMetrics,
  hpaMatchers,
  podsNotReady,
  selector,
} from "./service-queries.ts";

/** An alert's severity: `critical` pages (PagerDuty), `warning` goes to Slack. */
export type Severity = "critical" | "warning";

/** One Prometheus alerting rule. */
export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  /** How long the condition must hold, e.g. `10m`. */
  readonly for: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** A named group of rules, evaluated together. */
export interface RuleGroup {
  readonly name: string;
  readonly rules: readonly AlertRule[];
}

/** A pair of windows of a multi-window, multi-burn-rate alert: both must burn faster than `factor` × the budget. */
export interface BurnRateWindow {
  readonly long: string;
  readonly short: string;
  readonly factor: number;
}

/**
 * The Google SRE workbook's windows ("Alerting on SLOs", table 5-8) for a 30-day budget: page at 14.4× over 1h (2 %
 * of the budget in an hour) or 6× over 6h (5 % in six hours), each confirmed by a window a twelfth as long so the
 * alert resets soon after the burn stops; ticket at 3× over a day or 1× over three days.
 */
export const FAST_BURN_WINDOWS: readonly BurnRateWindow[] = [
  { long: "1h", short: "5m", factor: 14.4 },
  { long: "6h", short: "30m", factor: 6 },
];
export const SLOW_BURN_WINDOWS: readonly BurnRateWindow[] = [
  { long: "1d", short: "2h", factor: 3 },
  { long: "3d", short: "6h", factor: 1 },
];

/** How long pods may stay unready (a rollout's surge pods become ready well within it). */
export const PODS_NOT_READY_MINUTES = 10;
/** How long an HPA may sit at its ceiling before it is worth a look. */
export const HPA_AT_MAX_MINUTES = 15;

/** The severity of a service's urgent alerts: `critical` (pages) for a critical service, else `warning`. */
export function urgentSeverity(service: ResolvedService): Severity {
  return service.critical ? "critical" : "warning";
}

/**
 * `(ratio over long > threshold and ratio over short > threshold) or (…)`, one condition per line so the rendered
 * rule reads as the workbook writes it.
 */
function burnRateExpression(service: ResolvedService, windows: readonly BurnRateWindow[], budget: string): string {
  return windows
    .map(({ long, short, factor }) => {
      const threshold = `(${decimal(factor)} * ${budget})`;
      return `(\n  ${errorRatio(service, long)} > ${threshold}\nand\n  ${errorRatio(service, short)} > ${threshold}\n)`;
    })
    .join("\nor\n");
}

function describeWindows(windows: readonly BurnRateWindow[]): string {
  return windows.map((w) => `${decimal(w.factor)}× over ${w.long} and ${w.short}`).join(", or ");
}

/**
 * A service's SLO alerts, each labelled with its service, tenant, namespace, team and severity (Alertmanager groups
 * and routes by them):
 *
 * - `SLOLatencyP95High`: p95 over the objective for `latencyForMinutes` (urgent);
 * - `SLOErrorRatioHigh`: more than `errorRatioPercent` % server errors over 5 minutes (urgent);
 * - `SLOErrorBudgetBurnFast` / `SLOErrorBudgetBurnSlow`: the availability objective's error budget burning at the
 *   workbook's page (urgent) or ticket (`warning`) rates;
 * - `PodsNotReady`: a pod unready for 10 minutes (urgent);
 * - `HPAAtMaxReplicas`: an autoscaled workload at its ceiling for 15 minutes (`warning`: the latency alert pages if
 *   it hurts); not for an HPA whose minimum is its maximum.
 *
 * The request alerts exist only for services the Istio proxy measures requests of (an http, http2 or grpc port).
 */
export function serviceAlertRules(service: ResolvedService): AlertRule[] {
  const { slo } = service.observability;
  const id = `${service.tenant}/${service.name}`;
  const urgent = urgentSeverity(service);
  const labels = (severity: Severity) => ({
    namespace: service.tenant,
    service: service.name,
    severity,
    team: service.team,
    tenant: service.tenant,
  });
  const rules: AlertRule[] = [];
  if (hasRequestMetrics(service)) {
    const budget = decimal((100 - slo.availabilityPercent) / 100);
    const availability = decimal(slo.availabilityPercent);
    rules.push(
      {
        alert: "SLOLatencyP95High",
        expr: `${durationQuantile(service, 0.95)} > ${slo.latencyP95Milliseconds}`,
        for: `${slo.latencyForMinutes}m`,
        labels: labels(urgent),
        annotations: {
          summary: `${id}: p95 latency over ${slo.latencyP95Milliseconds} ms`,
          description: `The 95th percentile of requests to ${id} has taken over its ${slo.latencyP95Milliseconds} ms objective for ${slo.latencyForMinutes} minutes (now {{ $value | printf "%.0f" }} ms).`,
        },
      },
      {
        alert: "SLOErrorRatioHigh",
        expr: `${errorRatio(service, "5m")} > ${decimal(slo.errorRatioPercent / 100)}`,
        for: "5m",
        labels: labels(urgent),
        annotations: {
          summary: `${id}: over ${decimal(slo.errorRatioPercent)} % of requests fail`,
          description: `{{ $value | humanizePercentage }} of the requests to ${id} failed with a server error over the last 5 minutes (threshold ${decimal(slo.errorRatioPercent)} %).`,
        },
      },
      {
        alert: "SLOErrorBudgetBurnFast",
        expr: burnRateExpression(service, FAST_BURN_WINDOWS, budget),
        for: "2m",
        labels: labels(urgent),
        annotations: {
          summary: `${id}: burning the ${availability} % availability budget fast`,
          description: `Server errors to ${id} burn its ${availability} % availability error budget at ${describeWindows(FAST_BURN_WINDOWS)}: at this rate the 30-day budget is gone within days.`,
        },
      },
      {
        alert: "SLOErrorBudgetBurnSlow",
        expr: burnRateExpression(service, SLOW_BURN_WINDOWS, budget),
        for: "15m",
        labels: labels("warning"),
        annotations: {
          summary: `${id}: burning the ${availability} % availability budget`,
          description: `Server errors to ${id} burn its ${availability} % availability error budget at ${describeWindows(SLOW_BURN_WINDOWS)}: the 30-day budget will not last the month.`,
        },
      },
    );
  }
  rules.push({
    alert: "PodsNotReady",
    expr: `${podsNotReady(service)} > 0`,
    for: `${PODS_NOT_READY_MINUTES}m`,
    labels: labels(urgent),
    annotations: {
      summary: `${id}: pods not ready`,
      description: `{{ $value }} pod(s) of ${id} have not been ready for ${PODS_NOT_READY_MINUTES} minutes.`,
    },
  });
  // An HPA whose range is one count (staging's cap can make min = max) is always "at max": nothing to say.
  if (service.scaling.kind === "autoscaled" && service.scaling.maxReplicas > service.scaling.minReplicas) {
    const current = selector("kube_horizontalpodautoscaler_status_current_replicas", hpaMatchers(service));
    const max = selector("kube_horizontalpodautoscaler_spec_max_replicas", hpaMatchers(service));
    rules.push({
      alert: "HPAAtMaxReplicas",
      expr: `${current} >= ${max}`,
      for: `${HPA_AT_MAX_MINUTES}m`,
      labels: labels("warning"),
      annotations: {
        summary: `${id}: autoscaler at maxReplicas`,
        description: `The HPA {{ $labels.horizontalpodautoscaler }} of ${id} has run at its maxReplicas (${service.scaling.maxReplicas}) for ${HPA_AT_MAX_MINUTES} minutes: it cannot absorb more load.`,
      },
    });
  }
  return rules;
}

/** The service's rule group, named `<tenant>.<service>.slo`. */
export function serviceRuleGroup(service: ResolvedService): RuleGroup {
  return { name: `${service.tenant}.${service.name}.slo`, rules: serviceAlertRules(service) };
}

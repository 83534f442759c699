import type { ResolvedService } from "@cloudlab/model";
import { REVISION_ARG } from "../objects/rollout-names.ts";
import { decimal, GRPC_SERVER_ERRORS, requestMatchers, selector, type LabelMatcher } from "./service-queries.ts";
import { FAST_BURN_WINDOWS } from "./slo-alert-rules.ts";

/** The window each measurement of a release's analysis looks back over. */
export const ANALYSIS_WINDOW = "2m";
/** How often a release's analysis measures. */
export const ANALYSIS_INTERVAL = "1m";
/**
 * The fewest requests the new pods must have served in the window before the analysis judges them: below it a
 * measurement is inconclusive (Argo Rollouts pauses the release for a person), never a pass or a failure.
 */
export const MINIMUM_REQUESTS = 50;

/**
 * The requests the new pods' sidecars report receiving: the service's requests (as its SLO alerts count them) of the
 * revision under analysis only, which Argo Rollouts passes as the `revision` argument (Istio labels its metrics with
 * the pod's `service.istio.io/canonical-revision`).
 */
export function revisionMatchers(service: ResolvedService): LabelMatcher[] {
  return [...requestMatchers(service), ["destination_canonical_revision", "=", `{{args.${REVISION_ARG}}}`]];
}

/** `expression`, kept only while the new pods served at least {@link MINIMUM_REQUESTS} requests in the window. */
function withEnoughTraffic(service: ResolvedService, expression: string): string {
  const requests = `sum(increase(${selector("istio_requests_total", revisionMatchers(service))}[${ANALYSIS_WINDOW}]))`;
  return `(\n  ${expression}\n)\nand on()\n(\n  ${requests} >= ${MINIMUM_REQUESTS}\n)`;
}

/** The new pods' p95 request duration in milliseconds; no value without enough traffic. */
export function revisionLatencyP95(service: ResolvedService): string {
  const buckets = selector("istio_request_duration_milliseconds_bucket", revisionMatchers(service));
  return withEnoughTraffic(service, `histogram_quantile(0.95, sum by (le) (rate(${buckets}[${ANALYSIS_WINDOW}])))`);
}

/**
 * The share of the new pods' requests that failed (HTTP 5xx or a gRPC server-side status), 0 when none did; no value
 * without enough traffic.
 */
export function revisionErrorRatio(service: ResolvedService): string {
  const base = revisionMatchers(service);
  const http = selector("istio_requests_total", [...base, ["response_code", "=~", "5.."]]);
  const grpc = selector("istio_requests_total", [...base, ["grpc_response_status", "=~", GRPC_SERVER_ERRORS]]);
  const errors = `(sum(rate(${http}[${ANALYSIS_WINDOW}]) or rate(${grpc}[${ANALYSIS_WINDOW}])) or on() vector(0))`;
  return withEnoughTraffic(service, `${errors}\n  /\n  sum(rate(${selector("istio_requests_total", base)}[${ANALYSIS_WINDOW}]))`);
}

/**
 * The error ratio a release may not reach: the availability objective's error budget burning at the workbook's
 * fastest page rate (14.4× over an hour: 2 % of a 30-day budget). A release that burns it faster would page.
 */
export function errorRatioThreshold(service: ResolvedService): number {
  const budget = (100 - service.observability.slo.availabilityPercent) / 100;
  return Number(decimal(FAST_BURN_WINDOWS[0]!.factor * budget));
}

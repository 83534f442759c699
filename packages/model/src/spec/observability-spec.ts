import type { AbsolutePath } from "./service-spec.ts";
import type { Name, PortName } from "./primitives.ts";

/**
 * A latency objective in milliseconds.
 * @minimum 1
 * @maximum 600000
 * @asType integer
 */
export type Milliseconds = number;

/**
 * An availability objective in percent of requests served without a server error, e.g. `99.9`.
 * @minimum 90
 * @exclusiveMaximum 100
 */
export type AvailabilityPercent = number;

/**
 * A number of minutes.
 * @minimum 1
 * @maximum 1440
 * @asType integer
 */
export type Minutes = number;

/**
 * A number of days data is kept.
 * @minimum 1
 * @maximum 3650
 * @asType integer
 */
export type RetentionDays = number;

/**
 * A share of requests in percent, e.g. `5` or `0.5`.
 * @exclusiveMinimum 0
 * @maximum 100
 */
export type RequestPercent = number;

/**
 * A service's objectives. Its PrometheusRule alerts when they are missed, with severity `critical` for a `critical`
 * service and `warning` otherwise (slow error-budget burns are always tickets: `warning`).
 */
export interface SloSpec {
  /**
   * The 95th-percentile request duration the service must stay under (measured by its Istio sidecar).
   * @default 100
   */
  readonly latencyP95Milliseconds?: Milliseconds;
  /**
   * How long p95 must stay over the objective before the latency alert fires.
   * @default 10
   */
  readonly latencyForMinutes?: Minutes;
  /**
   * The availability objective; its error budget drives the multi-window, multi-burn-rate alerts.
   * @default 99.9
   */
  readonly availabilityPercent?: AvailabilityPercent;
  /**
   * The share of server errors over 5 minutes that alerts at once, whatever the budget says.
   * @default 5
   */
  readonly errorRatioPercent?: RequestPercent;
}

/** The service's own Prometheus metrics endpoint. */
export interface MetricsEndpointSpec {
  /** The declared port serving the metrics. */
  readonly port: PortName;
  /**
   * The HTTP path.
   * @default "/metrics"
   */
  readonly path?: AbsolutePath;
}

/** A service's observability: its objectives and its own metrics endpoint. */
export interface ServiceObservabilitySpec {
  /**
   * The objectives alerts and the service dashboard are drawn against.
   * @default p95 under 100 ms, 99.9 % available, 5 % errors alert at once
   */
  readonly slo?: SloSpec;
  /**
   * An application metrics endpoint to scrape beside the sidecar's (a ServiceMonitor, or pod annotations).
   * @default none: only the Istio proxy's metrics are scraped
   */
  readonly metrics?: MetricsEndpointSpec;
}

/**
 * How Prometheus finds what to scrape. `operator`: ServiceMonitors and PodMonitors, PrometheusRules and
 * AlertmanagerConfigs (the Prometheus Operator is installed); `annotations`: the `prometheus-config` ConfigMap (a
 * `kubernetes-pods` job keeping pods annotated `prometheus.io/scrape: "true"`, with the alert rules beside it) and
 * an `alertmanager-config` ConfigMap, for clusters without the operator.
 */
export type ScrapingMode = "operator" | "annotations";

/** The load test of the edge services: `hey` from inside the cluster, through the public host names. */
export interface LoadTestSpec {
  /** Render the load test (a suspended CronJob per edge service, run on demand). */
  readonly enabled: boolean;
  /**
   * Concurrent users.
   * @default 100
   * @minimum 1
   * @maximum 10000
   * @asType integer
   */
  readonly concurrency?: number;
  /**
   * How long each run lasts.
   * @default 5
   */
  readonly durationMinutes?: Minutes;
  /**
   * The `hey` image: a version tag or a digest (the `image-tag-pinned` policy refuses `latest`).
   * @default "williamyeh/hey:latest"
   */
  readonly image?: string;
}

/** Where alerts go. The receivers are external: their endpoints and keys live in a Secret that is never in Git. */
export interface AlertingSpec {
  /**
   * The Secret, in each tenant's namespace (in `monitoring` without the operator), holding `pagerduty-routing-key`
   * and `slack-webhook-url`.
   * @default "alert-receivers"
   */
  readonly receiversSecretName?: Name;
  /**
   * How often an alert still firing is sent again (PagerDuty escalates on it).
   * @default 15
   */
  readonly repeatIntervalMinutes?: Minutes;
}

/** Observability settings of an environment. */
export interface ObservabilitySettingsSpec {
  /**
   * How metrics are scraped and alert rules loaded.
   * @default "operator"
   */
  readonly scraping?: ScrapingMode;
  /**
   * Days the logging add-on (Fluent Bit → Elasticsearch) keeps logs.
   * @default 90 in prod, 30 in dev and staging
   */
  readonly logRetentionDays?: RetentionDays;
  /**
   * Days the tracing add-on (Jaeger) keeps traces.
   * @default 7
   */
  readonly traceRetentionDays?: RetentionDays;
  /**
   * Alert routing: PagerDuty for critical alerts, Slack for warnings.
   * @default receivers from the Secret "alert-receivers", repeated every 15 minutes
   */
  readonly alerting?: AlertingSpec;
  /**
   * The `hey` load test of the edge services.
   * @default not rendered
   */
  readonly loadTest?: LoadTestSpec;
}

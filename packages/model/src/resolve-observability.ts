import type { ResolvedPort } from "./resolved.ts";
import type { Stage } from "./spec/environment-spec.ts";
import type { ObservabilitySettingsSpec, ScrapingMode, ServiceObservabilitySpec } from "./spec/observability-spec.ts";

/** The p95 latency objective of a service that states none, in milliseconds (NFR4: p95 < 100 ms). */
export const DEFAULT_LATENCY_P95_MILLISECONDS = 100;
/** The availability objective of a service that states none, in percent (NFR2). */
export const DEFAULT_AVAILABILITY_PERCENT = 99.9;
/** The Secret holding the alert receivers' endpoints and keys when an environment names none. */
export const DEFAULT_RECEIVERS_SECRET = "alert-receivers";
/**
 * The `hey` image of the load test when an environment names none. It is published only as `latest` (a build of
 * hey 0.1.4 that has not changed in years), so the rendered CronJob waives the `image-tag-pinned` policy with that
 * reason; set `loadTest.image` to a pinned mirror or digest to lift the waiver.
 */
export const DEFAULT_LOAD_TEST_IMAGE = "williamyeh/hey:latest";

/** A service's objectives with defaults applied. */
export interface ResolvedSlo {
  readonly latencyP95Milliseconds: number;
  readonly latencyForMinutes: number;
  readonly availabilityPercent: number;
  readonly errorRatioPercent: number;
}

/** A service's observability in one environment. */
export interface ResolvedServiceObservability {
  readonly slo: ResolvedSlo;
  /** The application's own metrics endpoint; `undefined`: only the sidecar's metrics. */
  readonly metrics: { readonly port: ResolvedPort; readonly path: string } | undefined;
  /** The environment's scraping mode (it decides the pods' `prometheus.io/*` annotations). */
  readonly scraping: ScrapingMode;
}

/** An environment's observability settings with defaults applied. */
export interface ResolvedObservabilitySettings {
  readonly scraping: ScrapingMode;
  /** For the logging add-on (Fluent Bit → Elasticsearch). */
  readonly logRetentionDays: number;
  /** For the tracing add-on (Jaeger). */
  readonly traceRetentionDays: number;
  readonly alerting: { readonly receiversSecretName: string; readonly repeatIntervalMinutes: number };
  /** `undefined`: no load test rendered. */
  readonly loadTest: { readonly concurrency: number; readonly durationMinutes: number; readonly image: string } | undefined;
}

/** Log retention by stage: 90 days in prod, 30 elsewhere. */
export const LOG_RETENTION_DAYS: Readonly<Record<Stage, number>> = { dev: 30, staging: 30, prod: 90 };
/** Trace retention: 7 days in every stage. */
export const TRACE_RETENTION_DAYS = 7;

/** An environment's observability settings (already schema-checked) with every default applied. */
export function resolveObservabilitySettings(spec: ObservabilitySettingsSpec | undefined, stage: Stage): ResolvedObservabilitySettings {
  const loadTest = spec?.loadTest;
  return {
    scraping: spec?.scraping ?? "operator",
    logRetentionDays: spec?.logRetentionDays ?? LOG_RETENTION_DAYS[stage],
    traceRetentionDays: spec?.traceRetentionDays ?? TRACE_RETENTION_DAYS,
    alerting: {
      receiversSecretName: spec?.alerting?.receiversSecretName ?? DEFAULT_RECEIVERS_SECRET,
      repeatIntervalMinutes: spec?.alerting?.repeatIntervalMinutes ?? 15,
    },
    loadTest:
      loadTest?.enabled === true
        ? { concurrency: loadTest.concurrency ?? 100, durationMinutes: loadTest.durationMinutes ?? 5, image: loadTest.image ?? DEFAULT_LOAD_TEST_IMAGE }
        : undefined,
  };
}

/**
 * A service's observability in an environment. The metrics port is looked up among the service's ports (the
 * `metrics-port` check has made sure it is one of them).
 */
export function resolveServiceObservability(
  spec: ServiceObservabilitySpec | undefined,
  ports: readonly ResolvedPort[],
  settings: ResolvedObservabilitySettings,
): ResolvedServiceObservability {
  const slo = spec?.slo;
  const metrics = spec?.metrics;
  const port = metrics === undefined ? undefined : ports.find((p) => p.name === metrics.port);
  return {
    slo: {
      latencyP95Milliseconds: slo?.latencyP95Milliseconds ?? DEFAULT_LATENCY_P95_MILLISECONDS,
      latencyForMinutes: slo?.latencyForMinutes ?? 10,
      availabilityPercent: slo?.availabilityPercent ?? DEFAULT_AVAILABILITY_PERCENT,
      errorRatioPercent: slo?.errorRatioPercent ?? 5,
    },
    metrics: metrics === undefined || port === undefined ? undefined : { port, path: metrics.path ?? "/metrics" },
    scraping: settings.scraping,
  };
}

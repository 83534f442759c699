import type { Rule } from "../../../rule.ts";
import { telemetryAccessLogging } from "./telemetry-access-logging.rule.ts";
import { telemetryMetrics } from "./telemetry-metrics.rule.ts";
import { telemetryProviders } from "./telemetry-providers.rule.ts";
import { telemetryTarget } from "./telemetry-target.rule.ts";
import { telemetryTracing } from "./telemetry-tracing.rule.ts";

/** The rules of `rules/webhook/telemetry/`, in the order they run. */
export const WEBHOOK_TELEMETRY_RULES: readonly Rule[] = [telemetryTarget, telemetryProviders, telemetryTracing, telemetryMetrics, telemetryAccessLogging];

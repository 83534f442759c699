import { key } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

/**
 * istiod's metrics override checks of a Telemetry (`validateTelemetryMetrics`): overrides are not null; a tag
 * override UPSERTs a value (the default operation) or REMOVEs without one; a custom metric match names the metric.
 */
export const telemetryMetrics: ObjectRule = {
  id: "telemetry-metrics",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "Telemetry metric overrides give UPSERT tag overrides a value and REMOVE ones none, and name custom metrics they match.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: tagOverrides.value must be set when operation is UPSERT',
  kinds: new Set(["Telemetry"]),
  check(object) {
    const spec = istioSpec(object, "telemetry.istio.io", "Telemetry");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const [i, metrics] of asArray(spec.metrics).entries()) {
      for (const [j, entry] of asArray(asObject(metrics)?.overrides).entries()) {
        const path = ["spec", "metrics", i, "overrides", j];
        const override = asObject(entry);
        if (override === undefined) {
          problems.add(path, "tagOverrides may not be null");
          continue;
        }
        for (const [name, value] of Object.entries(asObject(override.tagOverrides) ?? {})) {
          const tagPath = [...path, "tagOverrides", key(name)];
          const tagOverride = asObject(value);
          if (tagOverride === undefined) {
            problems.add(tagPath, "tagOverrides may not be null");
            continue;
          }
          const operation = asString(tagOverride.operation) ?? "UPSERT";
          const tagValue = asString(tagOverride.value) ?? "";
          if (operation === "UPSERT" && tagValue === "") problems.add(tagPath, "tagOverrides.value must be set when operation is UPSERT");
          if (operation === "REMOVE" && tagValue !== "") problems.add([...tagPath, "value"], "tagOverrides.value may only be set when operation is UPSERT");
        }
        const match = asObject(override.match);
        if (match !== undefined && match.customMetric !== undefined && (asString(match.customMetric) ?? "") === "") problems.add([...path, "match", "customMetric"], "customMetric may not be empty");
      }
    }
    return problems.list;
  },
};

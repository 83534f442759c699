import { key } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { asArray, asNumber, asObject, asString, at } from "../../../support/values.ts";

/**
 * istiod's tracing checks of a Telemetry (`validateTelemetryTracing`): the sampling percentage is within 0–100;
 * custom tags have a name and a literal value, header name or environment variable name.
 */
export const telemetryTracing: ObjectRule = {
  id: "telemetry-tracing",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "Telemetry tracing samples 0–100 percent, and custom tags are named with a non-empty literal, header or environment source.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: randomSamplingPercentage must be in range [0.0, 100.0]',
  kinds: new Set(["Telemetry"]),
  check(object) {
    const spec = istioSpec(object, "telemetry.istio.io", "Telemetry");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const [i, entry] of asArray(spec.tracing).entries()) {
      const tracing = asObject(entry);
      if (tracing === undefined) continue;
      const path = ["spec", "tracing", i];
      const sampling = asNumber(tracing.randomSamplingPercentage) ?? 0;
      if (sampling < 0 || sampling > 100) problems.add([...path, "randomSamplingPercentage"], "randomSamplingPercentage must be in range [0.0, 100.0]");
      for (const [name, value] of Object.entries(asObject(tracing.customTags) ?? {})) {
        const tagPath = [...path, "customTags", key(name)];
        if (name === "") problems.add(tagPath, "tag name may not be empty");
        const tag = asObject(value);
        if (tag === undefined) {
          problems.add(tagPath, `tag '${name}' may not have a nil value`);
          continue;
        }
        if (tag.literal !== undefined && (asString(at(tag, "literal", "value")) ?? "") === "") problems.add([...tagPath, "literal", "value"], "literal tag value may not be empty");
        else if (tag.header !== undefined && (asString(at(tag, "header", "name")) ?? "") === "") problems.add([...tagPath, "header", "name"], "header tag name may not be empty");
        else if (tag.environment !== undefined && (asString(at(tag, "environment", "name")) ?? "") === "") problems.add([...tagPath, "environment", "name"], "environment tag name may not be empty");
      }
    }
    return problems.list;
  },
};

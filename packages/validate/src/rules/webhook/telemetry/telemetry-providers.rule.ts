import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

/** istiod's provider checks of a Telemetry (`validateTelemetryProviders`): metrics, tracing and access logging name each provider. */
export const telemetryProviders: ObjectRule = {
  id: "telemetry-providers",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "Telemetry metrics, tracing and access logging providers each have a name.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: providers.name may not be empty',
  kinds: new Set(["Telemetry"]),
  check(object) {
    const spec = istioSpec(object, "telemetry.istio.io", "Telemetry");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const section of ["metrics", "tracing", "accessLogging"]) {
      for (const [i, entry] of asArray(spec[section]).entries()) {
        const providers = asArray(asObject(entry)?.providers);
        const index = providers.findIndex((p) => (asString(asObject(p)?.name) ?? "") === "");
        if (index >= 0) problems.add(["spec", section, i, "providers", index], "providers.name may not be empty");
      }
    }
    return problems.list;
  },
};

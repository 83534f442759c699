import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { entriesOf, routesOf } from "../../../support/istio/virtual-service.ts";
import { asNumber, at } from "../../../support/values.ts";

/** Go's `%f`: six decimals. */
function fixed(value: number): string {
  return value.toFixed(6);
}

/**
 * istiod's mirror percentage checks: `mirrorPercent` at most 100, `mirrorPercentage` and each `mirrors[].percentage`
 * between 0 and 100.
 */
export const virtualServiceMirror: ObjectRule = {
  id: "virtual-service-mirror",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "VirtualService mirror percentages (`mirrorPercent`, `mirrorPercentage`, `mirrors[].percentage`) are between 0 and 100.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: mirror_percentage must have a max value of 100 (it has 150.000000)',
  kinds: new Set(["VirtualService"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const { route: http, path } of routesOf(spec, "http")) {
      const percent = asNumber(http.mirrorPercent);
      if (percent !== undefined && percent > 100) problems.add([...path, "mirrorPercent"], `mirror_percent must have a max value of 100 (it has ${percent})`);
      const percentage = asNumber(at(http, "mirrorPercentage", "value"));
      if (percentage !== undefined && percentage > 100) problems.add([...path, "mirrorPercentage", "value"], `mirror_percentage must have a max value of 100 (it has ${fixed(percentage)})`);
      if (percentage !== undefined && percentage < 0) problems.add([...path, "mirrorPercentage", "value"], `mirror_percentage must have a min value of 0 (it has ${fixed(percentage)})`);
      for (const { route: mirror, path: mirrorPath } of entriesOf(http, "mirrors", path)) {
        const value = asNumber(at(mirror, "percentage", "value"));
        if (value !== undefined && value > 100) problems.add([...mirrorPath, "percentage", "value"], `mirror percentage must have a max value of 100 (it has ${fixed(value)})`);
        if (value !== undefined && value < 0) problems.add([...mirrorPath, "percentage", "value"], `mirror percentage must have a min value of 0 (it has ${fixed(value)})`);
      }
    }
    return problems.list;
  },
};

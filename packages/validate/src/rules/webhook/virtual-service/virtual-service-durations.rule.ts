import type { ObjectRule } from "../../../rule.ts";
import { durationNanoseconds, durationProblem } from "../../../support/istio/duration.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { routesOf } from "../../../support/istio/virtual-service.ts";
import { at } from "../../../support/values.ts";

/**
 * istiod's duration checks of HTTP routes (`agent.ValidateDuration`): `timeout`, `retries.perTryTimeout`, fault
 * delays and `corsPolicy.maxAge` decode as Go durations of at least 1ms in whole milliseconds; `maxAge` in whole
 * seconds.
 */
export const virtualServiceDurations: ObjectRule = {
  id: "virtual-service-durations",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "VirtualService timeouts, per-try timeouts, fault delays and CORS max ages are durations of at least 1ms in whole milliseconds (max ages in whole seconds).",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: duration must be greater than 1ms',
  kinds: new Set(["VirtualService"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const { route: http, path } of routesOf(spec, "http")) {
      for (const field of [["timeout"], ["retries", "perTryTimeout"], ["fault", "delay", "fixedDelay"], ["fault", "delay", "exponentialDelay"], ["corsPolicy", "maxAge"]]) {
        problems.add([...path, ...field], durationProblem(at(http, ...field)));
      }
      const maxAge = durationNanoseconds(at(http, "corsPolicy", "maxAge"));
      if (maxAge !== undefined && maxAge % 1_000_000_000n !== 0n) problems.add([...path, "corsPolicy", "maxAge"], "max_age duration is accurate only to seconds precision");
    }
    return problems.list;
  },
};

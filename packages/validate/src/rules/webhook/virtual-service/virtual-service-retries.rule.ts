import { HTTP_STATUS_CODES, RETRY_ON_POLICIES } from "@cloudlab/model";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { routesOf } from "../../../support/istio/virtual-service.ts";
import { asNumber, asObject, asString, isSet } from "../../../support/values.ts";

function isStatusCode(policy: string): boolean {
  return /^[-+]?\d+$/.test(policy) && HTTP_STATUS_CODES.has(Number(policy));
}

/**
 * istiod's retry checks (`validateHTTPRetry`): attempts are not negative; with 0 attempts (retries disabled, the
 * default) no other retry setting is given; every `retryOn` entry is an Envoy retry policy or an HTTP status code.
 */
export const virtualServiceRetries: ObjectRule = {
  id: "virtual-service-retries",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "VirtualService retries have non-negative attempts, set no other field when attempts is 0, and list only Envoy retry policies or HTTP status codes in `retryOn`.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: http retry policy configured when attempts are set to 0 (disabled)',
  kinds: new Set(["VirtualService"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const { route: http, path } of routesOf(spec, "http")) {
      const retries = asObject(http.retries);
      if (retries === undefined) continue;
      const retriesPath = [...path, "retries"];
      const attempts = asNumber(retries.attempts) ?? 0;
      const retryOn = asString(retries.retryOn) ?? "";
      if (attempts < 0) problems.add([...retriesPath, "attempts"], "attempts cannot be negative");
      if (attempts === 0 && (isSet(retries.perTryTimeout) || retryOn !== "" || isSet(retries.retryRemoteLocalities))) {
        problems.add(retriesPath, "http retry policy configured when attempts are set to 0 (disabled)");
      }
      if (retryOn === "") continue;
      for (const policy of retryOn.split(",")) {
        if (!isStatusCode(policy) && !RETRY_ON_POLICIES.includes(policy)) problems.add([...retriesPath, "retryOn"], `${JSON.stringify(policy)} is not a valid retryOn policy`);
      }
    }
    return problems.list;
  },
};

import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { routesOf } from "../../../support/istio/virtual-service.ts";
import { asNumber, asObject, asString, isSet } from "../../../support/values.ts";

/** Envoy's `x-envoy-retry-on` and `x-envoy-retry-grpc-on` policies istiod accepts. */
const RETRY_ON = new Set([
  "5xx",
  "gateway-error",
  "reset",
  "reset-before-request",
  "connect-failure",
  "retriable-4xx",
  "refused-stream",
  "retriable-status-codes",
  "retriable-headers",
  "envoy-ratelimited",
  "http3-post-connect-failure",
  "cancelled",
  "deadline-exceeded",
  "internal",
  "resource-exhausted",
  "unavailable",
]);

/** The status codes Go's `http.StatusText` names. */
const HTTP_STATUS_CODES = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412,
  413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

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
        if (!isStatusCode(policy) && !RETRY_ON.has(policy)) problems.add([...retriesPath, "retryOn"], `${JSON.stringify(policy)} is not a valid retryOn policy`);
      }
    }
    return problems.list;
  },
};

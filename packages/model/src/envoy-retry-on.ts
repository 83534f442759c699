/**
 * What a VirtualService's `retries.retryOn` may list, as istiod's `validateHTTPRetry` accepts it: a comma-separated list
 * whose entries are Envoy retry conditions (`supportedRetryOnPolicies`) or HTTP status codes Go's `http.StatusText`
 * names. The one copy of both lists: the spec's `retry-on` format (formats.ts) and the gate's `virtual-service-retries`
 * rule each parse an entry their own way (the spec takes digits only; istiod's `strconv.Atoi` also takes a sign).
 */

/** Envoy's `x-envoy-retry-on` and `x-envoy-retry-grpc-on` conditions istiod accepts in `retryOn`. */
export const RETRY_ON_POLICIES: readonly string[] = [
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
];

/** The HTTP status codes Go's `http.StatusText` names: the codes istiod accepts in `retryOn`. */
export const HTTP_STATUS_CODES: ReadonlySet<number> = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412,
  413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425, 426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

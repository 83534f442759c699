import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { goFloat, istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { routesOf } from "../../../support/istio/virtual-service.ts";
import { asNumber, asObject, asString, isSet, type PlainObject } from "../../../support/values.ts";

/** The gRPC status names istiod accepts for aborts. */
const GRPC_STATUSES = new Set([
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
]);

/** `validatePercentage`: 0, or between 0.0001 and 100. */
function checkPercentage(parent: PlainObject, path: FieldPath, problems: Problems): void {
  const value = asNumber(asObject(parent.percentage)?.value);
  if (value === undefined) return;
  if (value < 0 || value > 100 || (value > 0 && value < 0.0001)) problems.add([...path, "percentage", "value"], `percentage ${goFloat(value)} is neither 0.0, nor in range [0.0001, 100.0]`);
}

/**
 * istiod's fault injection checks: a fault has an abort and/or a delay; percentages are 0 or within [0.0001, 100];
 * aborts use an HTTP status in 200–599 or a known gRPC status (HTTP/2 errors are not supported); exponential delays
 * are not supported.
 */
export const virtualServiceFault: ObjectRule = {
  id: "virtual-service-fault",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "VirtualService faults have an abort or a delay, percentages of 0 or 0.0001–100, HTTP statuses in 200–599 or known gRPC statuses, and no HTTP/2 error aborts or exponential delays.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: HTTP status 700 is not in range 200-599',
  kinds: new Set(["VirtualService"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const { route: http, path } of routesOf(spec, "http")) {
      const fault = asObject(http.fault);
      if (fault === undefined) continue;
      const faultPath = [...path, "fault"];
      if (!isSet(fault.abort) && !isSet(fault.delay)) problems.add(faultPath, "HTTP fault injection must have an abort and/or a delay");
      const abort = asObject(fault.abort);
      if (abort !== undefined) {
        const abortPath = [...faultPath, "abort"];
        checkPercentage(abort, abortPath, problems);
        if (isSet(abort.grpcStatus)) {
          const status = asString(abort.grpcStatus) ?? "";
          if (!GRPC_STATUSES.has(status)) {
            problems.add([...abortPath, "grpcStatus"], `gRPC status ${JSON.stringify(status)} is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example 'NOT_FOUND'`);
          }
        } else if (isSet(abort.http2Error)) {
          problems.add([...abortPath, "http2Error"], "HTTP/2 abort fault injection not supported yet");
        } else if (isSet(abort.httpStatus)) {
          const status = asNumber(abort.httpStatus) ?? 0;
          if (status < 200 || status > 600) problems.add([...abortPath, "httpStatus"], `HTTP status ${status} is not in range 200-599`);
        }
      }
      const delay = asObject(fault.delay);
      if (delay !== undefined) {
        checkPercentage(delay, [...faultPath, "delay"], problems);
        if (isSet(delay.exponentialDelay) && !isSet(delay.fixedDelay)) problems.add([...faultPath, "delay", "exponentialDelay"], "exponentialDelay not supported yet");
      }
    }
    return problems.list;
  },
};

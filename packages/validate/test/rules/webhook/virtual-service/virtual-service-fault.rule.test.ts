import { virtualServiceFault } from "../../../../src/rules/webhook/virtual-service/virtual-service-fault.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { vsHttp } from "../istio-fixtures.ts";

const fault = (f: object) => vsHttp((h) => { h.fault = f; });

ruleTable(virtualServiceFault, {
  valid: [
    { name: "an abort and a delay", manifests: [fault({ abort: { httpStatus: 503, percentage: { value: 0.1 } }, delay: { fixedDelay: "5s", percentage: { value: 100 } } })] },
    { name: "a gRPC abort and status 600 (istiod's bound)", manifests: [fault({ abort: { grpcStatus: "UNAVAILABLE" } }), vsHttp((h) => { h.fault = { abort: { httpStatus: 600 } }; })] },
  ],
  invalid: [
    { name: "neither abort nor delay", manifests: [fault({})], errors: ["spec.http[0].fault: HTTP fault injection must have an abort and/or a delay"] },
    { name: "a status out of range", manifests: [fault({ abort: { httpStatus: 700 } })], errors: ["spec.http[0].fault.abort.httpStatus: HTTP status 700 is not in range 200-599"] },
    { name: "a percentage below 0.0001", manifests: [fault({ abort: { httpStatus: 500, percentage: { value: 0.00001 } } })], errors: ["spec.http[0].fault.abort.percentage.value: percentage 1e-05 is neither 0.0, nor in range [0.0001, 100.0]"] },
    {
      name: "an unknown gRPC status",
      manifests: [fault({ abort: { grpcStatus: "GONE" } })],
      errors: ['spec.http[0].fault.abort.grpcStatus: gRPC status "GONE" is not supported. See https://github.com/grpc/grpc/blob/master/doc/statuscodes.md for a list of supported codes, for example \'NOT_FOUND\''],
    },
    { name: "an HTTP/2 error", manifests: [fault({ abort: { http2Error: "REFUSED_STREAM" } })], errors: ["spec.http[0].fault.abort.http2Error: HTTP/2 abort fault injection not supported yet"] },
    { name: "an exponential delay", manifests: [fault({ delay: { exponentialDelay: "1s" } })], errors: ["spec.http[0].fault.delay.exponentialDelay: exponentialDelay not supported yet"] },
  ],
});

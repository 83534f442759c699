import { virtualServiceCors } from "../../../../src/rules/webhook/virtual-service/virtual-service-cors.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { vsHttp } from "../istio-fixtures.ts";

const cors = (c: object) => vsHttp((h) => { h.corsPolicy = c; });

ruleTable(virtualServiceCors, {
  valid: [{ name: "origins, methods and headers", manifests: [cors({ allowOrigins: [{ exact: "https://shop.example.com" }, { regex: "https://.*\\.example\\.com" }], allowMethods: ["GET", "POST"], allowHeaders: ["*"], exposeHeaders: ["x-request-id"] })] }],
  invalid: [
    { name: "an empty origin", manifests: [cors({ allowOrigins: [{ exact: "" }] })], errors: ["spec.http[0].corsPolicy.allowOrigins[0]: '' is not a valid match type for CORS allow origins"] },
    { name: "a lower-case method", manifests: [cors({ allowMethods: ["get"] })], errors: ['spec.http[0].corsPolicy.allowMethods[0]: "get" is not a supported HTTP method'] },
    { name: "an invalid header", manifests: [cors({ exposeHeaders: ["x request"] })], errors: ["spec.http[0].corsPolicy.exposeHeaders[0]: header name x request is not a valid header name"] },
    {
      name: "an origin regex",
      manifests: [cors({ allowOrigins: [{ regex: "(" }] })],
      errors: ['spec.http[0].corsPolicy.allowOrigins[0]: "corsPolicy.allowOrigins": error parsing regexp: missing closing ): `(`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)'],
    },
  ],
});

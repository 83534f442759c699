import type { ObjectRule } from "../../../rule.ts";
import { validateCorsHeaderName } from "../../../support/istio/headers.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { routesOf, stringMatchRegexpProblem } from "../../../support/istio/virtual-service.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "CONNECT", "OPTIONS", "TRACE"]);

/**
 * istiod's CORS checks (`validateCORSPolicy`): allowed origins are non-empty exact, prefix or compiling regex
 * matches; allowed methods are HTTP methods (upper case); allowed and exposed headers are header names or `*`.
 */
export const virtualServiceCors: ObjectRule = {
  id: "virtual-service-cors",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "VirtualService CORS policies allow non-empty origin matches (compiling regexes), standard upper-case HTTP methods, and valid header names or `*`.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: "get" is not a supported HTTP method',
  kinds: new Set(["VirtualService"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const { route: http, path } of routesOf(spec, "http")) {
      const cors = asObject(http.corsPolicy);
      if (cors === undefined) continue;
      const corsPath = [...path, "corsPolicy"];
      for (const [i, entry] of asArray(cors.allowOrigins).entries()) {
        const origin = asObject(entry) ?? {};
        const match = asString(origin.exact) ?? asString(origin.prefix) ?? asString(origin.regex) ?? "";
        const originPath = [...corsPath, "allowOrigins", i];
        if (match === "") problems.add(originPath, `'${match}' is not a valid match type for CORS allow origins`);
        else problems.add(originPath, stringMatchRegexpProblem(origin, "corsPolicy.allowOrigins"));
      }
      for (const [i, method] of asArray(cors.allowMethods).entries()) {
        if (typeof method === "string" && !METHODS.has(method)) problems.add([...corsPath, "allowMethods", i], `${JSON.stringify(method)} is not a supported HTTP method`);
      }
      for (const field of ["allowHeaders", "exposeHeaders"]) {
        for (const [i, name] of asArray(cors[field]).entries()) {
          if (typeof name === "string") problems.add([...corsPath, field, i], validateCorsHeaderName(name));
        }
      }
    }
    return problems.list;
  },
};

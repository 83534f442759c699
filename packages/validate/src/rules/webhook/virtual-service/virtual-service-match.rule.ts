import { key } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { validateMatchHeaderName } from "../../../support/istio/headers.ts";
import { istioAtLeast, istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { isIstioDns1123Label, validateLabelMap } from "../../../support/istio/names.ts";
import { validatePort } from "../../../support/istio/net.ts";
import { entriesOf, routesOf, stringMatchProblem, stringMatchRegexpProblem } from "../../../support/istio/virtual-service.ts";
import { asNumber, asObject, asString } from "../../../support/values.ts";

/**
 * istiod's checks of HTTP route matches (`validateHTTPRouteMatchRequest`): header names are valid (or JWT claims),
 * regexes are non-empty RE2 of at most 1024 characters, prefixes of headers, query parameters, scheme, method and
 * authority are non-empty and `withoutHeaders` is checked like `headers` (both from Istio 1.22; the URI may use an empty prefix), ports are in range, source labels are
 * label pairs and source namespaces DNS labels.
 */
export const virtualServiceMatch: ObjectRule = {
  id: "virtual-service-match",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "VirtualService HTTP matches use valid header names, compiling non-empty RE2 regexes, non-empty prefixes, ports in range, valid source labels and DNS-label source namespaces.",
  upstreamMessage:
    'admission webhook "validation.istio.io" denied the request: configuration is invalid: "uri": error parsing regexp: missing closing ): `(a`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)',
  kinds: new Set(["VirtualService"]),
  check(object, context) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    const strict = istioAtLeast(context.versions.istio, 22);
    const stringMatch = strict ? stringMatchProblem : stringMatchRegexpProblem;
    for (const { route: http, path } of routesOf(spec, "http")) {
      for (const { route: match, path: at } of entriesOf(http, "match", path)) {
        for (const [name, header] of Object.entries(asObject(match.headers) ?? {})) {
          const headerPath = [...at, "headers", key(name)];
          if (header === null) problems.add(headerPath, `header match ${name} cannot be null`);
          problems.add(headerPath, validateMatchHeaderName(name));
          problems.add(headerPath, stringMatch(header, "headers"));
        }
        for (const [name, header] of Object.entries(strict ? (asObject(match.withoutHeaders) ?? {}) : {})) {
          const headerPath = [...at, "withoutHeaders", key(name)];
          problems.add(headerPath, validateMatchHeaderName(name));
          if (asString(asObject(header)?.regex) !== "*") problems.add(headerPath, stringMatch(header, "withoutHeaders"));
        }
        problems.add([...at, "uri"], stringMatchRegexpProblem(match.uri, "uri"));
        for (const field of ["scheme", "method", "authority"]) problems.add([...at, field], stringMatch(match[field], field));
        for (const [name, param] of Object.entries(asObject(match.queryParams) ?? {})) problems.add([...at, "queryParams", key(name)], stringMatch(param, "queryParams"));
        const port = asNumber(match.port) ?? 0;
        if (port !== 0) problems.add([...at, "port"], validatePort(port));
        for (const { key: label, message } of validateLabelMap(asObject(match.sourceLabels) ?? {})) problems.add([...at, "sourceLabels", key(label)], message);
        const sourceNamespace = asString(match.sourceNamespace) ?? "";
        if (sourceNamespace !== "" && !isIstioDns1123Label(sourceNamespace)) problems.add([...at, "sourceNamespace"], `sourceNamespace match ${sourceNamespace} is invalid`);
      }
    }
    return problems.list;
  },
};

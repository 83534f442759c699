import { key, type FieldPath } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { isAuthorityHeader, validateHeaderOperationName, validateHeaderValue, validateRequestHeaderSetName } from "../../../support/istio/headers.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { entriesOf, routesOf } from "../../../support/istio/virtual-service.ts";
import { asArray, asObject, asString, at, type PlainObject } from "../../../support/values.ts";

/** The header operations of one `headers` block: names allowed for their operation, values valid Envoy formats. */
function checkHeaderOperations(headers: PlainObject, path: FieldPath, problems: Problems): void {
  for (const direction of ["request", "response"] as const) {
    const operations = asObject(headers[direction]);
    if (operations === undefined) continue;
    const nameProblem = direction === "request" ? validateRequestHeaderSetName : validateHeaderOperationName;
    for (const operation of ["add", "set"]) {
      for (const [name, value] of Object.entries(asObject(operations[operation]) ?? {})) {
        const headerPath = [...path, direction, operation, key(name)];
        problems.add(headerPath, nameProblem(name));
        if (typeof value === "string") problems.add(headerPath, validateHeaderValue(value));
      }
    }
    for (const [i, name] of asArray(operations.remove).entries()) {
      if (typeof name === "string") problems.add([...path, direction, "remove", i], validateHeaderOperationName(name));
    }
  }
}

/** `validateAuthorityRewrite`: the authority is rewritten in one place only (rewrite, or one request header). */
function authorityProblem(http: PlainObject): string | undefined {
  let current = asString(at(http, "rewrite", "authority")) ?? "";
  for (const operation of ["set", "add"]) {
    for (const [name, value] of Object.entries(asObject(at(http, "headers", "request", operation)) ?? {})) {
      if (!isAuthorityHeader(name)) continue;
      if (current !== "") return `authority header cannot be set multiple times: have ${JSON.stringify(current)}, attempting to set ${JSON.stringify(asString(value) ?? "")}`;
      current = asString(value) ?? "";
    }
  }
  return undefined;
}

/**
 * istiod's checks of header manipulation in HTTP routes and their destinations: no pseudo-headers (`:path`), no
 * `Host` on removals and responses (the authority may be set on requests), values without control characters and
 * with well-formed `%VARIABLE%` expressions; the authority is rewritten in one place only.
 */
export const virtualServiceHeaders: ObjectRule = {
  id: "virtual-service-headers",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "VirtualService header operations name headers they may change (no pseudo-headers, no Host except the request authority) with valid values, and rewrite the authority in one place only.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: invalid header ":path": header cannot have ":" prefix',
  kinds: new Set(["VirtualService"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const { route: http, path } of routesOf(spec, "http")) {
      const headers = asObject(http.headers);
      if (headers !== undefined) checkHeaderOperations(headers, [...path, "headers"], problems);
      for (const { route: destination, path: destinationPath } of entriesOf(http, "route", path)) {
        const destinationHeaders = asObject(destination.headers);
        if (destinationHeaders !== undefined) checkHeaderOperations(destinationHeaders, [...destinationPath, "headers"], problems);
      }
      problems.add([...path, "headers", "request"], authorityProblem(http));
    }
    return problems.list;
  },
};

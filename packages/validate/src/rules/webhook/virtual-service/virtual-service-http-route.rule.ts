import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { validatePort } from "../../../support/istio/net.ts";
import { validateRegexp } from "../../../support/istio/regex.ts";
import { routesOf } from "../../../support/istio/virtual-service.ts";
import { asArray, asNumber, asObject, asString, isSet, type PlainObject } from "../../../support/values.ts";

const MB = 1024 * 1024;

/** `validateHTTPRouteConflict`: what one HTTP route may combine (route, redirect, direct response, delegate…). */
function checkConflicts(http: PlainObject, path: FieldPath, delegateService: boolean, problems: Problems): void {
  const name = asString(http.name) ?? "";
  const hasRoute = asArray(http.route).length > 0;
  if (!delegateService && isSet(http.delegate)) {
    if (isSet(http.redirect)) problems.add([...path, "redirect"], `root HTTP route ${name} must not specify redirect`);
    if (isSet(http.route)) problems.add([...path, "route"], `root HTTP route ${name} must not specify route`);
    return;
  }
  if (delegateService && isSet(http.delegate)) problems.add([...path, "delegate"], "delegate HTTP route cannot contain delegate");
  if (isSet(http.redirect)) {
    if (hasRoute) problems.add([...path, "route"], "HTTP route cannot contain both route and redirect");
    if (isSet(http.fault)) problems.add([...path, "fault"], "HTTP route cannot contain both fault and redirect");
    if (isSet(http.rewrite)) problems.add([...path, "rewrite"], "HTTP route rule cannot contain both rewrite and redirect");
    if (isSet(http.directResponse)) problems.add([...path, "directResponse"], "HTTP route rule cannot contain both direct_response and redirect");
  } else if (isSet(http.directResponse)) {
    if (hasRoute) problems.add([...path, "route"], "HTTP route cannot contain both route and direct_response");
    if (isSet(http.fault)) problems.add([...path, "fault"], "HTTP route cannot contain both fault and direct_response");
    if (isSet(http.rewrite)) problems.add([...path, "rewrite"], "HTTP route rule cannot contain both rewrite and direct_response");
  } else if (!hasRoute) {
    problems.add(path, "HTTP route, redirect or direct_response is required");
  }
  if (isSet(http.mirror) && asArray(http.mirrors).length > 0) problems.add([...path, "mirrors"], "HTTP route cannot contain both mirror and mirrors");
}

/** `validateHTTPRedirect`: istiod reports the first problem only. */
function redirectProblem(redirect: PlainObject): string | undefined {
  const uri = asString(redirect.uri) ?? "";
  const authority = asString(redirect.authority) ?? "";
  const scheme = asString(redirect.scheme) ?? "";
  if (uri === "" && authority === "" && scheme === "" && !isSet(redirect.port) && !isSet(redirect.derivePort)) return "redirect must specify URI, authority, scheme, or port";
  const code = asNumber(redirect.redirectCode) ?? 0;
  if (code !== 0 && (code < 300 || code > 399)) return `${code} is not a valid redirect code, must be 3xx`;
  if (scheme !== "" && scheme !== "http" && scheme !== "https") return 'invalid redirect scheme, must be "http" or "https"';
  const port = asNumber(redirect.port) ?? 0;
  return port > 0 ? validatePort(port) : undefined;
}

/** `validateHTTPRewrite`. */
function rewriteProblem(rewrite: PlainObject): string | undefined {
  const uri = asString(rewrite.uri) ?? "";
  const regexRewrite = asObject(rewrite.uriRegexRewrite);
  if (uri !== "" && isSet(rewrite.uriRegexRewrite)) return "rewrite may only contain one of URI or UriRegexRewrite";
  if (uri === "" && !isSet(rewrite.uriRegexRewrite) && (asString(rewrite.authority) ?? "") === "") {
    return "rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified";
  }
  if (regexRewrite === undefined) return undefined;
  const match = asString(regexRewrite.match) ?? "";
  if (match === "" || (asString(regexRewrite.rewrite) ?? "") === "") return "UriRegexRewrite has errors: UriRegexRewrite requires both Rewrite and Match fields to be specified";
  const error = validateRegexp(match, "HTTPRewrite.UriRegexRewrite.Match");
  return error === undefined ? undefined : `UriRegexRewrite has errors: ${error}`;
}

/** The byte length of a direct response body (`string`, or base64 `bytes`). */
function bodySize(body: PlainObject): number {
  const text = asString(body.string);
  if (text !== undefined) return Buffer.byteLength(text, "utf8");
  const bytes = (asString(body.bytes) ?? "").replace(/=+$/, "");
  return Math.floor((bytes.length * 3) / 4);
}

/**
 * istiod's checks of each HTTP route's action: exactly one of route, redirect and direct response (a delegating
 * root route has only `delegate`), no fault or rewrite beside a redirect or direct response, not both `mirror` and
 * `mirrors`; redirects, rewrites and direct responses well-formed.
 */
export const virtualServiceHttpRoute: ObjectRule = {
  id: "virtual-service-http-route",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "Each VirtualService HTTP route has one action (route, redirect, direct response or delegate) without conflicting fault, rewrite or mirror settings, and well-formed redirects, rewrites and direct responses.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: HTTP route cannot contain both route and redirect',
  kinds: new Set(["VirtualService"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    const delegateService = asArray(spec.hosts).length === 0;
    for (const { route: http, path } of routesOf(spec, "http")) {
      checkConflicts(http, path, delegateService, problems);
      const redirect = asObject(http.redirect);
      if (redirect !== undefined) problems.add([...path, "redirect"], redirectProblem(redirect));
      const rewrite = asObject(http.rewrite);
      if (rewrite !== undefined) problems.add([...path, "rewrite"], rewriteProblem(rewrite));
      const directResponse = asObject(http.directResponse);
      if (directResponse !== undefined) {
        const body = asObject(directResponse.body);
        if (body !== undefined && bodySize(body) > MB) problems.add([...path, "directResponse", "body"], "large direct_responses may impact control plane performance, must be less than 1MB");
        const status = asNumber(directResponse.status) ?? 0;
        if (status < 200 || status > 600) problems.add([...path, "directResponse", "status"], `HTTP status ${status} is not in range 200-599`);
      }
    }
    return problems.list;
  },
};

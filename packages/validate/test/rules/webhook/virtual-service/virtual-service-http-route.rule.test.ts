import { virtualServiceHttpRoute } from "../../../../src/rules/webhook/virtual-service/virtual-service-http-route.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { vs, vsHttp } from "../istio-fixtures.ts";

const only = (action: object) => vsHttp((h) => { delete h.route; Object.assign(h, action); });

ruleTable(virtualServiceHttpRoute, {
  valid: [
    { name: "a route", manifests: [vs()] },
    { name: "a redirect", manifests: [only({ redirect: { scheme: "https", redirectCode: 308 } })] },
    { name: "a redirect to a derived port", manifests: [only({ redirect: { derivePort: "FROM_REQUEST_PORT" } })] },
    { name: "a direct response", manifests: [only({ directResponse: { status: 503, body: { string: "unavailable" } } })] },
    { name: "a delegating root route", manifests: [only({ delegate: { name: "web-routes", namespace: "shop" } })] },
    { name: "a rewrite with a route", manifests: [vsHttp((h) => { h.rewrite = { uriRegexRewrite: { match: "^/api/(.*)", rewrite: "/\\1" } }; })] },
  ],
  invalid: [
    { name: "no action", manifests: [only({})], errors: ["spec.http[0]: HTTP route, redirect or direct_response is required"] },
    { name: "route and redirect", manifests: [vsHttp((h) => { h.redirect = { uri: "/new" }; })], errors: ["spec.http[0].route: HTTP route cannot contain both route and redirect"] },
    {
      name: "a direct response with a fault and a rewrite",
      manifests: [only({ directResponse: { status: 200 }, fault: { abort: { httpStatus: 500 } }, rewrite: { uri: "/" } })],
      errors: ["spec.http[0].fault: HTTP route cannot contain both fault and direct_response", "spec.http[0].rewrite: HTTP route rule cannot contain both rewrite and direct_response"],
    },
    { name: "redirect and direct response", manifests: [only({ redirect: { uri: "/" }, directResponse: { status: 200 } })], errors: ["spec.http[0].directResponse: HTTP route rule cannot contain both direct_response and redirect"] },
    { name: "a root route with a route", manifests: [vsHttp((h) => { h.delegate = { name: "web-routes" }; })], errors: ["spec.http[0].route: root HTTP route  must not specify route"] },
    { name: "a delegate's route delegating again", manifests: [vs((v) => { delete v.spec.hosts; v.spec.http[0].delegate = { name: "more" }; })], errors: ["spec.http[0].delegate: delegate HTTP route cannot contain delegate"] },
    { name: "mirror and mirrors", manifests: [vsHttp((h) => { h.mirror = { host: "a" }; h.mirrors = [{ destination: { host: "b" } }]; })], errors: ["spec.http[0].mirrors: HTTP route cannot contain both mirror and mirrors"] },
    { name: "an empty redirect", manifests: [only({ redirect: { redirectCode: 301 } })], errors: ["spec.http[0].redirect: redirect must specify URI, authority, scheme, or port"] },
    { name: "a redirect code out of 3xx", manifests: [only({ redirect: { uri: "/", redirectCode: 200 } })], errors: ["spec.http[0].redirect: 200 is not a valid redirect code, must be 3xx"] },
    { name: "a redirect scheme", manifests: [only({ redirect: { scheme: "ftp" } })], errors: ['spec.http[0].redirect: invalid redirect scheme, must be "http" or "https"'] },
    { name: "an empty rewrite", manifests: [vsHttp((h) => { h.rewrite = {}; })], errors: ["spec.http[0].rewrite: rewrite must specify at least one of URI, UriRegexRewrite, or authority. Only one of URI or UriRegexRewrite may be specified"] },
    { name: "uri and uriRegexRewrite", manifests: [vsHttp((h) => { h.rewrite = { uri: "/", uriRegexRewrite: { match: "a", rewrite: "b" } }; })], errors: ["spec.http[0].rewrite: rewrite may only contain one of URI or UriRegexRewrite"] },
    { name: "a regex rewrite without its rewrite", manifests: [vsHttp((h) => { h.rewrite = { uriRegexRewrite: { match: "^/a" } }; })], errors: ["spec.http[0].rewrite: UriRegexRewrite has errors: UriRegexRewrite requires both Rewrite and Match fields to be specified"] },
    { name: "a direct response status", manifests: [only({ directResponse: { status: 150 } })], errors: ["spec.http[0].directResponse.status: HTTP status 150 is not in range 200-599"] },
    { name: "a direct response body above 1MB", manifests: [only({ directResponse: { status: 200, body: { string: "x".repeat(1024 * 1024 + 1) } } })], errors: ["spec.http[0].directResponse.body: large direct_responses may impact control plane performance, must be less than 1MB"] },
  ],
});

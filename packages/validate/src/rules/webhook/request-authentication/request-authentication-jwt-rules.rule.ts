import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { durationProblem } from "../../../support/istio/duration.ts";
import { validateHeaderName } from "../../../support/istio/headers.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { asArray, asObject, asString, type PlainObject } from "../../../support/values.ts";

/** `security.ParseJwksURI`: an http or https URL (Go's `url.Parse` errors are approximated). */
function jwksUriProblem(uri: string): string | undefined {
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase() ?? "";
  if (scheme !== "http" && scheme !== "https") return `URI scheme ${JSON.stringify(scheme)} is not supported`;
  const authority = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(uri)?.[1] ?? "";
  const hostPort = authority.slice(authority.lastIndexOf("@") + 1);
  const port = /^(?:\[[^\]]*\]|[^:]*):(.*)$/.exec(hostPort)?.[1];
  if (port !== undefined && port !== "" && !/^\d+$/.test(port)) return `parse ${JSON.stringify(uri)}: invalid port ${JSON.stringify(`:${port}`)} after host`;
  return undefined;
}

/** Whether a JWKS document parses as a JSON Web Key or key set (the shape `jwk.Parse` needs). */
function jwksProblem(jwks: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jwks);
  } catch (error) {
    return `jwks parse error: failed to unmarshal JWK set: ${error instanceof Error ? error.message : String(error)}`;
  }
  const object = asObject(parsed);
  if (object === undefined) return "jwks parse error: failed to unmarshal JWK set: not a JSON object";
  const keys = object.keys === undefined ? [object] : asArray(object.keys);
  for (const entry of keys) {
    if (typeof asObject(entry)?.kty !== "string") return 'jwks parse error: failed to unmarshal JWK: invalid key type from JSON ("")';
  }
  return undefined;
}

function checkJwtRule(rule: PlainObject, path: FieldPath, problems: Problems): void {
  if ((asString(rule.issuer) ?? "") === "") problems.add([...path, "issuer"], "issuer must be set");
  for (const [i, audience] of asArray(rule.audiences).entries()) if (audience === "") problems.add([...path, "audiences", i], "audience must be non-empty string");
  const jwksUri = asString(rule.jwksUri) ?? "";
  if (jwksUri !== "") problems.add([...path, "jwksUri"], jwksUriProblem(jwksUri));
  const jwks = asString(rule.jwks) ?? "";
  if (jwks !== "") problems.add([...path, "jwks"], jwksProblem(jwks));
  for (const [i, location] of asArray(rule.fromHeaders).entries()) {
    if (location === null) problems.add([...path, "fromHeaders", i], "location header name must be non-null");
    else if ((asString(asObject(location)?.name) ?? "") === "") problems.add([...path, "fromHeaders", i, "name"], "location header name must be non-empty string");
  }
  for (const [i, param] of asArray(rule.fromParams).entries()) if (param === "") problems.add([...path, "fromParams", i], "location query must be non-empty string");
  for (const [i, cookie] of asArray(rule.fromCookies).entries()) if (cookie === "") problems.add([...path, "fromCookies", i], "cookie name must be non-empty string");
  for (const [i, entry] of asArray(rule.outputClaimToHeaders).entries()) {
    const at = [...path, "outputClaimToHeaders", i];
    const claimToHeader = asObject(entry);
    if (claimToHeader === undefined) {
      problems.add(at, "outputClaimToHeaders must not be null");
      continue;
    }
    const header = asString(claimToHeader.header) ?? "";
    if ((asString(claimToHeader.claim) ?? "") === "" || header === "") problems.add(at, "outputClaimToHeaders header and claim value must be non-empty string");
    else problems.add([...at, "header"], validateHeaderName(header));
  }
  problems.add([...path, "timeout"], durationProblem(rule.timeout));
}

/**
 * istiod's JWT rule checks of a RequestAuthentication (`validateJwtRule`): an issuer; non-empty audiences, header,
 * parameter and cookie names; an http(s) `jwksUri`; an inline `jwks` that parses as a key set; claim-to-header
 * outputs with a claim and a valid header name; a fetch timeout of at least 1ms.
 */
export const requestAuthenticationJwtRules: ObjectRule = {
  id: "request-authentication-jwt-rules",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "RequestAuthentication JWT rules have an issuer, an http(s) jwksUri or parsable jwks, non-empty token locations and audiences, valid output header names and timeouts of at least 1ms.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: issuer must be set',
  kinds: new Set(["RequestAuthentication"]),
  check(object) {
    const spec = istioSpec(object, "security.istio.io", "RequestAuthentication");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const [i, entry] of asArray(spec.jwtRules).entries()) {
      const rule = asObject(entry);
      if (rule !== undefined) checkJwtRule(rule, ["spec", "jwtRules", i], problems);
    }
    return problems.list;
  },
};

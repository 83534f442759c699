import { requestAuthenticationJwtRules } from "../../../../src/rules/webhook/request-authentication/request-authentication-jwt-rules.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { ra } from "../istio-fixtures.ts";

const jwt = (change: (rule: Record<string, any>) => void) => ra((r) => change(r.spec.jwtRules[0]));

ruleTable(requestAuthenticationJwtRules, {
  valid: [
    { name: "an issuer with a JWKS URI", manifests: [ra()] },
    { name: "inline keys, locations and claim headers", manifests: [jwt((j) => { delete j.jwksUri; j.jwks = '{"keys":[{"kty":"RSA","e":"AQAB","n":"abc"}]}'; j.fromHeaders = [{ name: "Authorization", prefix: "Bearer " }]; j.outputClaimToHeaders = [{ header: "x-user", claim: "sub" }]; })] },
  ],
  invalid: [
    { name: "no issuer", manifests: [jwt((j) => { delete j.issuer; })], errors: ["spec.jwtRules[0].issuer: issuer must be set"] },
    { name: "an ftp JWKS URI", manifests: [jwt((j) => { j.jwksUri = "ftp://issuer.example.com/jwks"; })], errors: ['spec.jwtRules[0].jwksUri: URI scheme "ftp" is not supported'] },
    { name: "JWKS that is no JSON", manifests: [jwt((j) => { delete j.jwksUri; j.jwks = "not json"; })], errors: ["spec.jwtRules[0].jwks: jwks parse error: failed to unmarshal JWK set: Unexpected token 'o', \"not json\" is not valid JSON"] },
    { name: "an unnamed header location", manifests: [jwt((j) => { j.fromHeaders = [{ prefix: "Bearer " }]; })], errors: ["spec.jwtRules[0].fromHeaders[0].name: location header name must be non-empty string"] },
    { name: "an invalid output header", manifests: [jwt((j) => { j.outputClaimToHeaders = [{ header: "x user", claim: "sub" }]; })], errors: ["spec.jwtRules[0].outputClaimToHeaders[0].header: header name x user is not a valid header name"] },
    { name: "an output without claim", manifests: [jwt((j) => { j.outputClaimToHeaders = [{ header: "x-user" }]; })], errors: ["spec.jwtRules[0].outputClaimToHeaders[0]: outputClaimToHeaders header and claim value must be non-empty string"] },
  ],
});

import { virtualServiceMatch } from "../../../../src/rules/webhook/virtual-service/virtual-service-match.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { vsHttp } from "../istio-fixtures.ts";

const match = (m: object) => vsHttp((h) => { h.match = [m]; });

ruleTable(virtualServiceMatch, {
  valid: [
    { name: "RE2 syntax JavaScript lacks", manifests: [match({ uri: { regex: "(?i)/API/[[:alpha:]]+" }, headers: { "x-user": { regex: "(?P<name>a+)" } } })] },
    { name: "an empty URI prefix (Envoy allows it)", manifests: [match({ uri: { prefix: "" } })] },
    { name: "a JWT claim header and a present-header wildcard", manifests: [match({ headers: { "@request.auth.claims.sub": { exact: "a" } }, withoutHeaders: { "x-debug": { regex: "*" } } })] },
    { name: "an empty header prefix before Istio 1.22", manifests: [match({ headers: { "x-user": { prefix: "" } } })] },
    { name: "ports, source labels and namespaces", manifests: [match({ port: 8080, sourceLabels: { app: "frontend" }, sourceNamespace: "shop" })] },
  ],
  invalid: [
    {
      name: "a regex RE2 rejects",
      manifests: [match({ uri: { regex: "/api/(?!internal)" } })],
      errors: ['spec.http[0].match[0].uri: "uri": error parsing regexp: invalid or unsupported Perl syntax: `(?!`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)'],
    },
    { name: "an empty regex", manifests: [match({ authority: { regex: "" } })], errors: ['spec.http[0].match[0].authority: "authority": regex string match should not be empty'] },
    { name: "a regex above 1024 characters", manifests: [match({ uri: { regex: "a".repeat(1025) } })], errors: ['spec.http[0].match[0].uri: "uri": regex is too large, max length allowed is 1024'] },
    { name: "an empty header prefix", versions: { istio: "1.22" }, manifests: [match({ headers: { "x-user": { prefix: "" } } })], errors: ['spec.http[0].match[0].headers[x-user]: "headers": prefix string match should not be empty'] },
    { name: "an invalid header name", manifests: [match({ headers: { "x user": { exact: "a" } } })], errors: ["spec.http[0].match[0].headers[x user]: header name x user is not a valid header name"] },
    { name: "a query parameter regex", manifests: [match({ queryParams: { id: { regex: "[0-9" } } })], errors: ['spec.http[0].match[0].queryParams[id]: "queryParams": error parsing regexp: missing closing ]: `[0-9`; Istio uses RE2 style regex-based match (https://github.com/google/re2/wiki/Syntax)'] },
    { name: "a port out of range", manifests: [match({ port: 70000 })], errors: ["spec.http[0].match[0].port: port number 70000 must be in the range 1..65535"] },
    { name: "a source label key", manifests: [match({ sourceLabels: { "-app": "web" } })], errors: ['spec.http[0].match[0].sourceLabels[-app]: invalid tag key: "-app"'] },
    { name: "a source namespace", manifests: [match({ sourceNamespace: "shop.prod" })], errors: ["spec.http[0].match[0].sourceNamespace: sourceNamespace match shop.prod is invalid"] },
  ],
});

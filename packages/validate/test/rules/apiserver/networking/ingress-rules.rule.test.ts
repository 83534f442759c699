import { ingressRules } from "../../../../src/rules/apiserver/networking/ingress-rules.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { ingress, SUBDOMAIN, WILDCARD } from "./fixtures.ts";

const host = (value: string) => ingress((i) => { i.spec.rules[0].host = value; });
const path = (value: string | undefined, pathType: string) =>
  ingress((i) => {
    const entry = i.spec.rules[0].http.paths[0];
    entry.pathType = pathType;
    if (value === undefined) delete entry.path;
    else entry.path = value;
  });
const BACKEND = { service: { name: "web", port: { number: 80 } } };

ruleTable(ingressRules, {
  valid: [
    { name: "a host and a prefix path", manifests: [ingress()] },
    { name: "a wildcard host", manifests: [host("*.shop.example.com")] },
    { name: "no host: every host", manifests: [ingress((i) => { delete i.spec.rules[0].host; })] },
    { name: "only a default backend", manifests: [ingress((i) => { delete i.spec.rules; i.spec.defaultBackend = BACKEND; })] },
    { name: "a rule without http", manifests: [ingress((i) => { i.spec.rules.push({ host: "other.example.com" }); })] },
    { name: "an exact path", manifests: [path("/healthz", "Exact")] },
    { name: "an ImplementationSpecific regex path", manifests: [path("/api/(.*)", "ImplementationSpecific")] },
    { name: "an ImplementationSpecific path left empty", manifests: [path(undefined, "ImplementationSpecific")] },
    { name: "encoded characters other than %2f", manifests: [path("/a%20b", "Prefix")] },
  ],
  invalid: [
    { name: "neither rules nor a default backend", manifests: [ingress((i) => { delete i.spec.rules; })], errors: ["spec: Invalid value: null: either `defaultBackend` or `rules` must be specified"] },
    { name: "empty rules and no default backend", manifests: [ingress((i) => { i.spec.rules = []; })], errors: ["spec: Invalid value: []: either `defaultBackend` or `rules` must be specified"] },
    { name: "an IPv4 host", manifests: [host("10.0.0.1")], errors: ['spec.rules[0].host: Invalid value: "10.0.0.1": must be a DNS name, not an IP address'] },
    {
      name: "an IPv6 host",
      manifests: [host("::1")],
      errors: [`spec.rules[0].host: Invalid value: "::1": ${SUBDOMAIN}`, 'spec.rules[0].host: Invalid value: "::1": must be a DNS name, not an IP address'],
    },
    { name: "an upper-case host", manifests: [host("Shop.example.com")], errors: [`spec.rules[0].host: Invalid value: "Shop.example.com": ${SUBDOMAIN}`] },
    { name: "a host with a port", manifests: [host("shop.example.com:443")], errors: [`spec.rules[0].host: Invalid value: "shop.example.com:443": ${SUBDOMAIN}`] },
    { name: "a wildcard not at the start", manifests: [host("shop.*.example.com")], errors: [`spec.rules[0].host: Invalid value: "shop.*.example.com": ${WILDCARD}`] },
    { name: "an http rule without paths", manifests: [ingress((i) => { i.spec.rules[0].http.paths = []; })], errors: ["spec.rules[0].http.paths: Required value"] },
    { name: "a relative prefix path", manifests: [path("api", "Prefix")], errors: ['spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path'] },
    { name: "an exact path left empty", manifests: [path(undefined, "Exact")], errors: ['spec.rules[0].http.paths[0].path: Invalid value: "": must be an absolute path'] },
    {
      name: "a prefix path with '//' and a trailing '/.'",
      manifests: [path("/a//b/.", "Prefix")],
      errors: ['spec.rules[0].http.paths[0].path: Invalid value: "/a//b/.": cannot end with \'/.\'', 'spec.rules[0].http.paths[0].path: Invalid value: "/a//b/.": must not contain \'//\''],
    },
    {
      name: "an exact path with an encoded slash and '/../'",
      manifests: [path("/a/../b%2Fc", "Exact")],
      errors: ['spec.rules[0].http.paths[0].path: Invalid value: "/a/../b%2Fc": must not contain \'%2F\'', 'spec.rules[0].http.paths[0].path: Invalid value: "/a/../b%2Fc": must not contain \'/../\''],
    },
    { name: "a relative ImplementationSpecific path", manifests: [path("api", "ImplementationSpecific")], errors: ['spec.rules[0].http.paths[0].path: Invalid value: "api": must be an absolute path'] },
  ],
});

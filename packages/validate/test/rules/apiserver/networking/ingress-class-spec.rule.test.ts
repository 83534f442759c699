import { ingressClassSpec } from "../../../../src/rules/apiserver/networking/ingress-class-spec.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { ingressClass, SUBDOMAIN } from "./fixtures.ts";

const controller = (value: string) => ingressClass((c) => { c.spec.controller = value; });
const parameters = (value: object) => ingressClass((c) => { c.spec.parameters = value; });
const DNS1123_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

ruleTable(ingressClassSpec, {
  valid: [
    { name: "a domain-prefixed controller", manifests: [ingressClass()] },
    { name: "a controller path with several segments", manifests: [controller("example.com/ingress/v2")] },
    { name: "cluster-scoped parameters (the default scope)", manifests: [parameters({ apiGroup: "k8s.example.net", kind: "IngressParameters", name: "external-lb" })] },
    { name: "namespaced parameters", manifests: [parameters({ kind: "ConfigMap", name: "nginx-config", scope: "Namespace", namespace: "ingress" })] },
  ],
  invalid: [
    { name: "no controller", manifests: [ingressClass((c) => { c.spec = {}; })], errors: ["spec.controller: Required value"] },
    { name: "a bare controller name", manifests: [controller("nginx")], errors: ['spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")'] },
    { name: "an empty path", manifests: [controller("example.com/")], errors: ['spec.controller: Invalid value: "example.com/": must be a domain-prefixed path (such as "acme.io/foo")'] },
    { name: "an upper-case domain", manifests: [controller("Example.com/ingress")], errors: [`spec.controller: Invalid value: "Example.com": ${SUBDOMAIN}`] },
    {
      name: "a space in the path",
      manifests: [controller("example.com/my ingress")],
      errors: ["spec.controller: Invalid value: \"my ingress\": Invalid path (regex used for validation is '[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+')"],
    },
    { name: "a controller over 250 characters", manifests: [controller(`example.com/${"a".repeat(240)}`)], errors: ["spec.controller: Too long: must have at most 250 bytes"] },
    {
      name: "Namespace scope without a namespace",
      manifests: [parameters({ kind: "ConfigMap", name: "nginx-config", scope: "Namespace" })],
      errors: ["spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'"],
    },
    { name: "Cluster scope with a namespace", manifests: [parameters({ kind: "IngressParameters", name: "lb", scope: "Cluster", namespace: "ingress" })], errors: ["spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"] },
    { name: "an unknown scope", manifests: [parameters({ kind: "IngressParameters", name: "lb", scope: "Global" })], errors: ['spec.parameters.scope: Unsupported value: "Global": supported values: "Cluster", "Namespace"'] },
    { name: "an invalid namespace", manifests: [parameters({ kind: "ConfigMap", name: "c", scope: "Namespace", namespace: "Ingress" })], errors: [`spec.parameters.namespace: Invalid value: "Ingress": ${DNS1123_LABEL}`] },
    { name: "a parameters name that is '..'", manifests: [parameters({ kind: "ConfigMap", name: ".." })], errors: ["spec.parameters.name: Invalid value: \"..\": may not be '..'"] },
  ],
});

import { virtualServiceHosts } from "../../../../src/rules/webhook/virtual-service/virtual-service-hosts.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { vs } from "../istio-fixtures.ts";

ruleTable(virtualServiceHosts, {
  valid: [
    { name: "a mesh host", manifests: [vs()] },
    { name: "a short name, a wildcard and an IP", manifests: [vs((v) => { v.spec.hosts = ["web", "*.example.com", "10.0.0.1"]; })] },
    { name: "* on a gateway", manifests: [vs((v) => { v.spec.hosts = ["*"]; v.spec.gateways = ["istio-ingress/public"]; })] },
    { name: "a delegate (no hosts) with HTTP routes only", manifests: [vs((v) => { delete v.spec.hosts; })] },
  ],
  invalid: [
    { name: "* on the mesh", manifests: [vs((v) => { v.spec.hosts = ["*"]; })], errors: ["spec.hosts[0]: wildcard host * is not allowed for virtual services bound to the mesh gateway"] },
    { name: "* on the mesh and a gateway", manifests: [vs((v) => { v.spec.hosts = ["*"]; v.spec.gateways = ["mesh", "istio-ingress/public"]; })], errors: ["spec.hosts[0]: wildcard host * is not allowed for virtual services bound to the mesh gateway"] },
    { name: "an invalid label", manifests: [vs((v) => { v.spec.hosts = ["web_app.shop"]; })], errors: ['spec.hosts[0]: domain name "web_app.shop" invalid (label "web_app" invalid)'] },
    { name: "a partial wildcard", manifests: [vs((v) => { v.spec.hosts = ["web.*.com"]; })], errors: ['spec.hosts[0]: domain name "*.com" invalid (label "*" invalid)'] },
    { name: "an all-numeric top-level domain", manifests: [vs((v) => { v.spec.hosts = ["web.123"]; })], errors: ['spec.hosts[0]: domain name "123" invalid (top level domain "123" cannot be all-numeric)'] },
    { name: "overlapping hosts", manifests: [vs((v) => { v.spec.hosts = ["*.example.com", "api.example.com"]; })], errors: ["spec.hosts[1]: duplicate hosts in virtual service: *.example.com & api.example.com"] },
    {
      name: "a delegate with gateways and a TCP route",
      manifests: [vs((v) => { delete v.spec.hosts; v.spec.gateways = ["mesh"]; v.spec.tcp = [{ route: [{ destination: { host: "db" } }] }]; })],
      errors: ["spec.gateways: delegate virtual service must have no gateways specified", "spec.tcp: delegate virtual service must have no tcp route specified"],
    },
    { name: "no route", manifests: [vs((v) => { delete v.spec.http; })], errors: ["spec: http, tcp or tls must be provided in virtual service"] },
  ],
});

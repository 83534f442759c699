import { virtualServiceHeaders } from "../../../../src/rules/webhook/virtual-service/virtual-service-headers.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { vsHttp } from "../istio-fixtures.ts";

const headers = (h: object) => vsHttp((http) => { http.headers = h; });

ruleTable(virtualServiceHeaders, {
  valid: [
    { name: "request and response operations", manifests: [headers({ request: { set: { "x-env": "prod", ":authority": "web" }, remove: ["x-debug"] }, response: { add: { "x-served-by": "%HOSTNAME%", "x-rate": "100%%" } } })] },
    { name: "a formatter with arguments", manifests: [headers({ request: { add: { "x-start": '%START_TIME(["%s"])%' } } })] },
    { name: "destination headers", manifests: [vsHttp((h) => { h.route[0].headers = { request: { set: { host: "web.example.com" } } }; })] },
  ],
  invalid: [
    { name: "setting a pseudo-header", manifests: [headers({ request: { set: { ":path": "/" } } })], errors: ['spec.http[0].headers.request.set[:path]: invalid header ":path": header cannot have ":" prefix'] },
    { name: "removing Host", manifests: [headers({ request: { remove: ["Host"] } })], errors: ['spec.http[0].headers.request.remove[0]: invalid header "Host": cannot set Host header'] },
    { name: "a response authority", manifests: [headers({ response: { set: { ":authority": "x" } } })], errors: ['spec.http[0].headers.response.set[:authority]: invalid header ":authority": header cannot have ":" prefix'] },
    { name: "an unescaped %", manifests: [headers({ response: { set: { "x-rate": "100%" } } })], errors: ["spec.http[0].headers.response.set[x-rate]: header value configuration: invalid header configuration. Un-escaped %"] },
    { name: "an unterminated variable", manifests: [headers({ request: { add: { "x-host": "%HOSTNAME" } } })], errors: ["spec.http[0].headers.request.add[x-host]: header value configuration: invalid header configuration. Un-terminated variable expression '%HOSTNAME'"] },
    {
      name: "the authority rewritten twice",
      manifests: [vsHttp((h) => { h.rewrite = { authority: "a.example.com" }; h.headers = { request: { set: { host: "b.example.com" } } }; })],
      errors: ['spec.http[0].headers.request: authority header cannot be set multiple times: have "a.example.com", attempting to set "b.example.com"'],
    },
  ],
});

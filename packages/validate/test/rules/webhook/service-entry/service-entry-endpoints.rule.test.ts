import { serviceEntryEndpoints } from "../../../../src/rules/webhook/service-entry/service-entry-endpoints.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { se } from "../istio-fixtures.ts";

ruleTable(serviceEntryEndpoints, {
  valid: [
    { name: "DNS without endpoints", manifests: [se()] },
    { name: "STATIC IP endpoints with named ports", manifests: [se((s) => { s.spec.resolution = "STATIC"; s.spec.endpoints = [{ address: "10.0.0.5", ports: { https: 8443 }, labels: { zone: "a" } }]; })] },
    { name: "a DNS endpoint and a workload selector elsewhere", manifests: [se((s) => { s.spec.hosts = ["db.internal"]; s.spec.endpoints = [{ address: "db.prod.example.com" }]; }), se((s) => { s.metadata.name = "vms"; s.spec.resolution = "STATIC"; s.spec.workloadSelector = { labels: { app: "vm" } }; })] },
  ],
  invalid: [
    { name: "endpoints with NONE", manifests: [se((s) => { s.spec.resolution = "NONE"; s.spec.endpoints = [{ address: "10.0.0.5" }]; })], errors: ["spec.endpoints: no endpoints should be provided for resolution type none"] },
    { name: "a STATIC hostname", manifests: [se((s) => { s.spec.resolution = "STATIC"; s.spec.endpoints = [{ address: "db.example.com" }]; })], errors: ['spec.endpoints[0].address: endpoint address "db.example.com" is not a valid IP address'] },
    { name: "a DNS host that is no FQDN, without endpoints", manifests: [se((s) => { s.spec.hosts = ["api.123"]; })], errors: ["spec.hosts[0]: hosts must be FQDN if no endpoints are provided for resolution mode DNS"] },
    { name: "two endpoints with DNS_ROUND_ROBIN", manifests: [se((s) => { s.spec.resolution = "DNS_ROUND_ROBIN"; s.spec.endpoints = [{ address: "a.example.com" }, { address: "b.example.com" }]; })], errors: ["spec.endpoints: there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN"] },
    { name: "an undeclared endpoint port", manifests: [se((s) => { s.spec.resolution = "STATIC"; s.spec.endpoints = [{ address: "10.0.0.5", ports: { http: 8080 } }]; })], errors: ["spec.endpoints[0].ports[http]: endpoint port 8080 is not defined by the service entry"] },
    { name: "endpoints and a selector", manifests: [se((s) => { s.spec.resolution = "STATIC"; s.spec.workloadSelector = { labels: { app: "vm" } }; s.spec.endpoints = [{ address: "10.0.0.5" }]; })], errors: ["spec.endpoints: only one of WorkloadSelector or Endpoints is allowed in Service Entry"] },
  ],
});

import { virtualServiceHostNotFound } from "../../../../src/rules/analysis/virtual-service/virtual-service-host-not-found.rule.ts";
import { deployment, destinationRule, service, virtualService } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const mesh = [deployment(), service(), destinationRule()];
const serviceEntry = { apiVersion: "networking.istio.io/v1beta1", kind: "ServiceEntry", metadata: { name: "apis", namespace: "shop" }, spec: { hosts: ["*.googleapis.com"], ports: [{ number: 443, name: "https", protocol: "HTTPS" }], resolution: "DNS" } };

ruleTable(virtualServiceHostNotFound, {
  valid: [
    { name: "a Service by its FQDN", manifests: [...mesh, virtualService()] },
    { name: "a Service by its short name in the VirtualService's namespace", manifests: [...mesh, virtualService((v) => { v.spec.http[0].route[0].destination.host = "web"; })] },
    { name: "a ServiceEntry host (wildcard)", manifests: [...mesh, serviceEntry, virtualService((v) => { v.spec.http[0].route[0].destination = { host: "storage.googleapis.com" }; })] },
  ],
  invalid: [
    {
      name: "a Service that is not there, and a mirror to a short name of another namespace",
      manifests: [...mesh, virtualService((v) => { v.spec.http[0].route[0].destination.host = "checkout.shop.svc.cluster.local"; v.spec.http[0].mirror = { host: "web", subset: "v1" }; v.metadata.namespace = "other"; })],
      errors: ['spec.http[0].route[0].destination.host: Referenced host not found: "checkout.shop.svc.cluster.local" (IST0101)', 'spec.http[0].mirror.host: Referenced host not found: "web" (IST0101)'],
    },
    { name: "a tcp route", manifests: [...mesh, virtualService((v) => { v.spec.http = undefined; v.spec.tcp = [{ route: [{ destination: { host: "db" } }] }]; })], errors: ['spec.tcp[0].route[0].destination.host: Referenced host not found: "db" (IST0101)'] },
  ],
});

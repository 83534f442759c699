import { virtualServiceHostNotFound } from "../../../../src/rules/analysis/virtual-service/virtual-service-host-not-found.rule.ts";
import { deployment, destinationRule, service, virtualService, yamlOf, type Json } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

/** The objects as YAML, with `.` quoted (the gate parses YAML 1.1, where a bare `.` is not the string "."). */
const quoted = (...objects: unknown[]) => yamlOf(...objects).replaceAll("- .\n", '- "."\n').replaceAll(": .\n", ': "."\n');

const mesh = [deployment(), service(), destinationRule()];
const serviceEntry = (change?: (s: Json) => void): Json => {
  const entry: Json = { apiVersion: "networking.istio.io/v1beta1", kind: "ServiceEntry", metadata: { name: "apis", namespace: "shop" }, spec: { hosts: ["*.googleapis.com"], ports: [{ number: 443, name: "https", protocol: "HTTPS" }], resolution: "DNS" } };
  change?.(entry);
  return entry;
};
const routeTo = (host: string, change?: (v: Json) => void) =>
  virtualService((v) => {
    v.spec.http[0].route[0].destination = { host };
    change?.(v);
  });

ruleTable(virtualServiceHostNotFound, {
  valid: [
    { name: "a Service by its FQDN", manifests: [...mesh, virtualService()] },
    { name: "a Service by its short name in the VirtualService's namespace", manifests: [...mesh, routeTo("web")] },
    { name: "a Service of another namespace by its FQDN", manifests: [...mesh, routeTo("web.shop.svc.cluster.local", (v) => { v.metadata.namespace = "other"; v.spec.hosts = ["web.other.svc.cluster.local"]; })] },
    { name: "a ServiceEntry host (wildcard)", manifests: [...mesh, serviceEntry(), routeTo("storage.googleapis.com")] },
    { name: "a ServiceEntry short host, qualified with its namespace", manifests: [...mesh, serviceEntry((s) => { s.spec.hosts = ["legacy"]; }), routeTo("legacy.shop.svc.cluster.local")] },
    { name: "a ServiceEntry exported to the VirtualService's namespace only", manifests: quoted(...mesh, serviceEntry((s) => { s.spec.exportTo = ["."]; s.spec.hosts = ["api.example.com"]; }), routeTo("api.example.com")) },
    { name: "a Service exported with the annotation to the VirtualService's namespace", manifests: quoted(deployment(), service((s) => { s.metadata.annotations = { "networking.istio.io/exportTo": "." }; }), virtualService((v) => { delete v.spec.http[0].route[0].destination.subset; })) },
    { name: "a destination port the Service exposes", manifests: [...mesh, routeTo("web", (v) => { v.spec.http[0].route[0].destination.port = { number: 80 }; })] },
    { name: "tcp and tls routes and mirrors to known hosts", manifests: [...mesh, serviceEntry(), virtualService((v) => { v.spec.http[0].mirror = { host: "web" }; v.spec.http[0].mirrors = [{ destination: { host: "maps.googleapis.com" } }]; v.spec.tcp = [{ route: [{ destination: { host: "web" } }] }]; })] },
  ],
  invalid: [
    {
      name: "a Service that is not there, and a mirror to a short name of another namespace",
      manifests: [...mesh, virtualService((v) => { v.spec.http[0].route[0].destination.host = "checkout.shop.svc.cluster.local"; v.spec.http[0].mirror = { host: "web", subset: "v1" }; v.metadata.namespace = "other"; })],
      errors: ['spec.http[0].route[0].destination.host: Referenced host not found: "checkout.shop.svc.cluster.local" (IST0101)', 'spec.http[0].mirror.host: Referenced mirror host not found: "web" (IST0101)'],
    },
    { name: "a tcp route", manifests: [...mesh, virtualService((v) => { v.spec.http = undefined; v.spec.tcp = [{ route: [{ destination: { host: "db" } }] }]; })], errors: ['spec.tcp[0].route[0].destination.host: Referenced host not found: "db" (IST0101)'] },
    {
      name: "the name.namespace and name.namespace.svc forms are taken as full names, as istioctl takes them",
      manifests: [...mesh, routeTo("web.shop"), routeTo("web.shop.svc", (v) => { v.metadata.name = "web-2"; })],
      errors: ['spec.http[0].route[0].destination.host: Referenced host not found: "web.shop" (IST0101)', 'spec.http[0].route[0].destination.host: Referenced host not found: "web.shop.svc" (IST0101)'],
    },
    {
      name: "a ServiceEntry exported to its own namespace only",
      manifests: quoted(...mesh, serviceEntry((s) => { s.spec.exportTo = ["."]; s.spec.hosts = ["api.example.com"]; }), routeTo("api.example.com", (v) => { v.metadata.namespace = "other"; v.spec.hosts = ["web.other.svc.cluster.local"]; })),
      errors: ['spec.http[0].route[0].destination.host: Referenced host not found: "api.example.com" (IST0101)'],
    },
    {
      name: "a Service hidden by its exportTo annotation",
      manifests: quoted(deployment(), service((s) => { s.metadata.annotations = { "networking.istio.io/exportTo": "." }; }), routeTo("web.shop.svc.cluster.local", (v) => { v.metadata.namespace = "other"; v.spec.hosts = ["web.other.svc.cluster.local"]; })),
      errors: ['spec.http[0].route[0].destination.host: Referenced host not found: "web.shop.svc.cluster.local" (IST0101)'],
    },
    {
      name: "a VirtualService exported to all must reach a host exported to all",
      manifests: quoted(...mesh, serviceEntry((s) => { s.spec.exportTo = ["."]; s.spec.hosts = ["api.example.com"]; }), routeTo("api.example.com", (v) => { v.spec.exportTo = ["*"]; })),
      errors: ['spec.http[0].route[0].destination.host: Referenced host not found: "api.example.com" (IST0101)'],
    },
    {
      name: "a wildcard ServiceEntry does not cover its bare domain",
      manifests: [...mesh, serviceEntry(), routeTo("googleapis.com")],
      errors: ['spec.http[0].route[0].destination.host: Referenced host not found: "googleapis.com" (IST0101)'],
    },
    {
      name: "a port the Service does not expose",
      manifests: [...mesh, routeTo("web", (v) => { v.spec.http[0].route[0].destination.port = { number: 8080 }; })],
      errors: ['spec.http[0].route[0].destination.port.number: Referenced host:port not found: "web:8080" (IST0101)'],
    },
    {
      name: "partial input: the host may be defined elsewhere",
      complete: false,
      manifests: [routeTo("checkout")],
      errors: ['spec.http[0].route[0].destination.host: Referenced host not found: "checkout" (IST0101); the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)'],
    },
  ],
});

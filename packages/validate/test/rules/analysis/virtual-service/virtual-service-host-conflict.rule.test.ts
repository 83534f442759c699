import { virtualServiceHostConflict } from "../../../../src/rules/analysis/virtual-service/virtual-service-host-conflict.rule.ts";
import { virtualService, yamlOf } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

/** The objects as YAML, with `.` quoted (the gate parses YAML 1.1, where a bare `.` is not the string "."). */
const quoted = (...objects: unknown[]) => yamlOf(...objects).replaceAll("- .\n", '- "."\n').replaceAll(": .\n", ': "."\n');

const message = (names: string, host: string) =>
  `The VirtualServices ${names} associated with mesh gateway define the same host ${host} which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource. (IST0109)`;
const MESSAGE = message("shop/web,shop/web-canary", "*/web.shop.svc.cluster.local");
const second = (change?: (v: any) => void) => virtualService((v) => { v.metadata.name = "web-canary"; change?.(v); });

ruleTable(virtualServiceHostConflict, {
  valid: [
    { name: "one VirtualService per host", manifests: [virtualService(), second((v) => { v.spec.hosts = ["api.shop.svc.cluster.local"]; })] },
    { name: "the same host on an ingress gateway only", manifests: [virtualService(), second((v) => { v.spec.gateways = ["istio-ingress/public"]; })] },
    { name: "mesh named only in a route match does not bind the mesh gateway", manifests: [virtualService(), second((v) => { v.spec.gateways = ["istio-ingress/public"]; v.spec.http[0].match = [{ gateways: ["mesh"] }]; })] },
    { name: "exported to different namespaces", manifests: quoted(virtualService((v) => { v.spec.exportTo = ["."]; }), second((v) => { v.spec.exportTo = ["other"]; })) },
    { name: "a namespace-local and an exported-to-all VirtualService are scoped apart, as istioctl scopes them", manifests: quoted(virtualService((v) => { v.spec.exportTo = ["."]; }), second()) },
    { name: "a short host in two namespaces names two Services", manifests: [virtualService((v) => { v.spec.hosts = ["web"]; }), second((v) => { v.spec.hosts = ["web"]; v.metadata.namespace = "other"; })] },
  ],
  invalid: [
    { name: "two on the mesh gateway, one by short name", manifests: [virtualService(), second((v) => { v.spec.hosts = ["web"]; })], errors: [`spec.hosts[0]: ${MESSAGE}`, `spec.hosts[0]: ${MESSAGE}`] },
    { name: "mesh named explicitly", manifests: [virtualService(), second((v) => { v.spec.gateways = ["istio-ingress/public", "mesh"]; })], errors: [`spec.hosts[0]: ${MESSAGE}`, `spec.hosts[0]: ${MESSAGE}`] },
    {
      name: "both exported to the same namespace",
      manifests: quoted(virtualService((v) => { v.spec.exportTo = ["."]; }), second((v) => { v.spec.exportTo = ["shop", "other"]; })),
      errors: [`spec.hosts[0]: ${message("shop/web,shop/web-canary", "shop/web.shop.svc.cluster.local")}`, `spec.hosts[0]: ${message("shop/web,shop/web-canary", "shop/web.shop.svc.cluster.local")}`],
    },
  ],
});

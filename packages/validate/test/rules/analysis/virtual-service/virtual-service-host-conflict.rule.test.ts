import { virtualServiceHostConflict } from "../../../../src/rules/analysis/virtual-service/virtual-service-host-conflict.rule.ts";
import { virtualService } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const MESSAGE =
  "The VirtualServices shop/web,shop/web-canary associated with mesh gateway define the same host */web.shop.svc.cluster.local which can lead to undefined behavior. This can be fixed by merging the conflicting VirtualServices into a single resource. (IST0109)";
const second = (change?: (v: any) => void) => virtualService((v) => { v.metadata.name = "web-canary"; change?.(v); });

ruleTable(virtualServiceHostConflict, {
  valid: [
    { name: "one VirtualService per host", manifests: [virtualService(), second((v) => { v.spec.hosts = ["api.shop.svc.cluster.local"]; })] },
    { name: "the same host on an ingress gateway only", manifests: [virtualService(), second((v) => { v.spec.gateways = ["istio-ingress/public"]; })] },
  ],
  invalid: [
    { name: "two on the mesh gateway, one by short name", manifests: [virtualService(), second((v) => { v.spec.hosts = ["web"]; })], errors: [`spec.hosts[0]: ${MESSAGE}`, `spec.hosts[0]: ${MESSAGE}`] },
    { name: "mesh named explicitly", manifests: [virtualService(), second((v) => { v.spec.gateways = ["istio-ingress/public", "mesh"]; })], errors: [`spec.hosts[0]: ${MESSAGE}`, `spec.hosts[0]: ${MESSAGE}`] },
  ],
});

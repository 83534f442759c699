import { virtualServiceSubsetNotFound } from "../../../../src/rules/analysis/virtual-service/virtual-service-subset-not-found.rule.ts";
import { deployment, destinationRule, service, virtualService } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const mesh = [deployment(), service()];

ruleTable(virtualServiceSubsetNotFound, {
  valid: [
    { name: "a subset of the host's DestinationRule", manifests: [...mesh, destinationRule(), virtualService()] },
    { name: "a DestinationRule written with the short host name", manifests: [...mesh, destinationRule((d) => { d.spec.host = "web"; }), virtualService()] },
    { name: "no subset", manifests: [...mesh, virtualService((v) => { delete v.spec.http[0].route[0].destination.subset; })] },
  ],
  invalid: [
    { name: "an undefined subset", manifests: [...mesh, destinationRule(), virtualService((v) => { v.spec.http[0].route[0].destination.subset = "v2"; })], errors: ['100:13 spec.http[0].route[0].destination.subset: Referenced host+subset in destinationrule not found: "web.shop.svc.cluster.local+v2" (IST0101)'] },
    { name: "no DestinationRule for the host", manifests: [...mesh, virtualService()], errors: ['spec.http[0].route[0].destination.subset: Referenced host+subset in destinationrule not found: "web.shop.svc.cluster.local+v1" (IST0101)'] },
  ],
});

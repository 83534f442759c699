import { virtualServiceSubsetNotFound } from "../../../../src/rules/analysis/virtual-service/virtual-service-subset-not-found.rule.ts";
import { deployment, destinationRule, service, virtualService } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const mesh = [deployment(), service()];
const external = (host: string, namespace: string) => destinationRule((d) => { d.metadata.name = "external"; d.metadata.namespace = namespace; d.spec.host = host; });

ruleTable(virtualServiceSubsetNotFound, {
  valid: [
    { name: "a subset of the host's DestinationRule", manifests: [...mesh, destinationRule(), virtualService()] },
    { name: "a DestinationRule written with the short host name", manifests: [...mesh, destinationRule((d) => { d.spec.host = "web"; }), virtualService()] },
    { name: "a VirtualService written with the short host name", manifests: [...mesh, destinationRule(), virtualService((v) => { v.spec.http[0].route[0].destination.host = "web"; })] },
    { name: "a DestinationRule of the Service's namespace for a VirtualService elsewhere", manifests: [...mesh, destinationRule(), virtualService((v) => { v.metadata.namespace = "other"; })] },
    { name: "no subset", manifests: [...mesh, virtualService((v) => { delete v.spec.http[0].route[0].destination.subset; })] },
    { name: "a mirror subset", manifests: [...mesh, destinationRule(), virtualService((v) => { v.spec.http[0].mirror = { host: "web", subset: "v1" }; })] },
    {
      name: "an external host's DestinationRule in another namespace (Istio applies it; istioctl would not find it)",
      manifests: [external("api.example.com", "istio-system"), virtualService((v) => { v.spec.http[0].route[0].destination.host = "api.example.com"; })],
    },
  ],
  invalid: [
    { name: "an undefined subset", manifests: [...mesh, destinationRule(), virtualService((v) => { v.spec.http[0].route[0].destination.subset = "v2"; })], errors: ['100:13 spec.http[0].route[0].destination.subset: Referenced host+subset in destinationrule not found: "web.shop.svc.cluster.local+v2" (IST0101)'] },
    { name: "no DestinationRule for the host", manifests: [...mesh, virtualService()], errors: ['spec.http[0].route[0].destination.subset: Referenced host+subset in destinationrule not found: "web.shop.svc.cluster.local+v1" (IST0101)'] },
    {
      name: "a mirror's subset",
      manifests: [...mesh, destinationRule(), virtualService((v) => { v.spec.http[0].mirrors = [{ destination: { host: "web", subset: "v3" } }]; })],
      errors: ['spec.http[0].mirrors[0].destination.subset: Referenced mirror+subset in destinationrule not found: "web+v3" (IST0101)'],
    },
    {
      name: "a short host resolves in the VirtualService's namespace, not the DestinationRule's",
      manifests: [...mesh, destinationRule(), virtualService((v) => { v.metadata.namespace = "other"; v.spec.http[0].route[0].destination.host = "web"; })],
      errors: ['spec.http[0].route[0].destination.subset: Referenced host+subset in destinationrule not found: "web+v1" (IST0101)'],
    },
    {
      name: "a tls route's subset",
      manifests: [...mesh, destinationRule(), virtualService((v) => { v.spec.http = undefined; v.spec.tls = [{ match: [{ sniHosts: ["web.shop.svc.cluster.local"] }], route: [{ destination: { host: "web", subset: "v9" } }] }]; })],
      errors: ['spec.tls[0].route[0].destination.subset: Referenced host+subset in destinationrule not found: "web+v9" (IST0101)'],
    },
    {
      name: "partial input: the DestinationRule may be defined elsewhere",
      complete: false,
      manifests: [virtualService()],
      errors: ['spec.http[0].route[0].destination.subset: Referenced host+subset in destinationrule not found: "web.shop.svc.cluster.local+v1" (IST0101); the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)'],
    },
  ],
});

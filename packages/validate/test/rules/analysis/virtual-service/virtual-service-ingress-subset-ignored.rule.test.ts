import { virtualServiceIngressSubsetIgnored } from "../../../../src/rules/analysis/virtual-service/virtual-service-ingress-subset-ignored.rule.ts";
import { virtualService } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const reviews = virtualService((v) => { v.metadata.name = "reviews"; v.spec.hosts = ["reviews"]; v.spec.http[0].route[0].destination = { host: "reviews", subset: "v1" }; });
const ingress = (change?: (v: any) => void) =>
  virtualService((v) => {
    v.metadata.name = "reviews-ingress";
    v.spec.hosts = ["reviews.example.com"];
    v.spec.gateways = ["reviews-gateway"];
    v.spec.http[0].route[0].destination = { host: "reviews" };
    change?.(v);
  });

ruleTable(virtualServiceIngressSubsetIgnored, {
  valid: [
    { name: "the gateway route names the subset", manifests: [reviews, ingress((v) => { v.spec.http[0].route[0].destination.subset = "v1"; })] },
    { name: "no VirtualService routes the host by subsets", manifests: [virtualService((v) => { v.metadata.name = "reviews"; v.spec.hosts = ["reviews"]; v.spec.http[0].route[0].destination = { host: "reviews" }; }), ingress()] },
    { name: "a mesh-only VirtualService (no gateways) is not checked", manifests: [reviews, ingress((v) => { delete v.spec.gateways; v.metadata.name = "alias"; })] },
    { name: "subsets routed for a host the other VirtualService does not declare", manifests: [virtualService((v) => { v.metadata.name = "reviews"; v.spec.hosts = ["reviews-alias"]; v.spec.http[0].route[0].destination = { host: "reviews", subset: "v1" }; }), ingress()] },
    { name: "hosts are compared as written", manifests: [reviews, ingress((v) => { v.spec.http[0].route[0].destination.host = "reviews.shop.svc.cluster.local"; })] },
  ],
  invalid: [
    {
      name: "istio.io's example",
      manifests: [reviews, ingress()],
      errors: ["spec.http[0].route[0].destination.host: Subset in virtual service shop/reviews has no effect on ingress gateway shop/reviews-ingress requests (IST0140)"],
    },
  ],
});

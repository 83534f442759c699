import { virtualServiceHostNotInGateway } from "../../../../src/rules/analysis/virtual-service/virtual-service-host-not-in-gateway.rule.ts";
import { virtualService, type Json } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const gateway = (...hosts: string[]): Json => ({
  apiVersion: "networking.istio.io/v1beta1",
  kind: "Gateway",
  metadata: { name: "public", namespace: "istio-ingress" },
  spec: { selector: { istio: "ingressgateway" }, servers: [{ port: { number: 80, name: "http", protocol: "HTTP" }, hosts }] },
});
const kubernetesGateway = (hostname?: string): Json => ({
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "Gateway",
  metadata: { name: "edge", namespace: "istio-ingress" },
  spec: { gatewayClassName: "istio", listeners: [{ name: "http", port: 80, protocol: "HTTP", ...(hostname === undefined ? {} : { hostname }) }] },
});
const bound = (hosts: string[], gateways = ["istio-ingress/public"]) => virtualService((v) => { v.spec.gateways = gateways; v.spec.hosts = hosts; });

ruleTable(virtualServiceHostNotInGateway, {
  valid: [
    { name: "a host the Gateway exposes", manifests: [gateway("shop.example.com"), bound(["shop.example.com"])] },
    { name: "one host of several is enough", manifests: [gateway("shop.example.com"), bound(["admin.example.com", "shop.example.com"])] },
    { name: "a wildcard Gateway host", manifests: [gateway("*.example.com"), bound(["shop.example.com"])] },
    { name: "a wildcard VirtualService host overlapping the Gateway's", manifests: [gateway("shop.example.com"), bound(["*.example.com"])] },
    { name: "*/* and */host expose to every namespace", manifests: [gateway("*/*"), bound(["shop.example.com"])] },
    { name: "ns/host exposes to that namespace", manifests: [gateway("shop/shop.example.com"), bound(["shop.example.com"])] },
    { name: "./host exposes to the Gateway's namespace", manifests: [gateway("./shop.example.com"), { ...bound(["shop.example.com"]), metadata: { name: "web", namespace: "istio-ingress" } }] },
    { name: "mesh only", manifests: [bound(["web.shop.svc.cluster.local"], ["mesh"])] },
    { name: "a Gateway that is not found is IST0101's", manifests: [bound(["shop.example.com"], ["istio-ingress/private"])] },
    { name: "a Gateway API listener without a hostname accepts any host", manifests: [kubernetesGateway(), bound(["shop.example.com"], ["istio-ingress/edge"])] },
    { name: "a Gateway API listener's hostname", manifests: [kubernetesGateway("*.example.com"), bound(["shop.example.com"], ["istio-ingress/edge"])] },
  ],
  invalid: [
    {
      name: "no host the Gateway exposes",
      manifests: [gateway("shop.example.com"), bound(["admin.example.com", "wrong.com"])],
      errors: ["spec.gateways[0]: one or more host [admin.example.com wrong.com] defined in VirtualService shop/web not found in Gateway istio-ingress/public. (IST0132)"],
    },
    {
      name: "./host of the Gateway's namespace, for a VirtualService of another",
      manifests: [gateway("./shop.example.com"), bound(["shop.example.com"])],
      errors: ["spec.gateways[0]: one or more host [shop.example.com] defined in VirtualService shop/web not found in Gateway istio-ingress/public. (IST0132)"],
    },
    {
      name: "ns/host of another namespace",
      manifests: [gateway("other/shop.example.com"), bound(["shop.example.com"])],
      errors: ["spec.gateways[0]: one or more host [shop.example.com] defined in VirtualService shop/web not found in Gateway istio-ingress/public. (IST0132)"],
    },
    {
      name: "hosts are compared as written (a short name is not its FQDN)",
      manifests: [gateway("web.shop.svc.cluster.local"), bound(["web"])],
      errors: ["spec.gateways[0]: one or more host [web] defined in VirtualService shop/web not found in Gateway istio-ingress/public. (IST0132)"],
    },
    {
      name: "a Gateway API listener for another hostname",
      manifests: [kubernetesGateway("api.example.com"), bound(["shop.example.com"], ["istio-ingress/edge"])],
      errors: ["spec.gateways[0]: one or more host [shop.example.com] defined in VirtualService shop/web not found in Gateway istio-ingress/edge. (IST0132)"],
    },
  ],
});

import { gatewayDuplicateCertificate } from "../../../../src/rules/analysis/gateway/gateway-duplicate-certificate.rule.ts";
import { ruleTable } from "../../rule-table.ts";

const gateway = (name: string, selector: Record<string, string>, tls: object | undefined, host = `${name}.example.com`) => ({
  apiVersion: "networking.istio.io/v1beta1",
  kind: "Gateway",
  metadata: { name, namespace: "istio-system" },
  spec: { selector, servers: [{ port: { number: 443, name: "https", protocol: "HTTPS" }, hosts: [host], ...(tls === undefined ? {} : { tls }) }] },
});
const ingress = { istio: "ingressgateway" };

ruleTable(gatewayDuplicateCertificate, {
  valid: [
    { name: "different credentials", manifests: [gateway("a", ingress, { mode: "SIMPLE", credentialName: "a-cert" }), gateway("b", ingress, { mode: "SIMPLE", credentialName: "b-cert" })] },
    { name: "the same credential on gateways of different workloads", manifests: [gateway("a", ingress, { mode: "SIMPLE", credentialName: "cert" }), gateway("b", { istio: "internal" }, { mode: "SIMPLE", credentialName: "cert" })] },
    { name: "the same certificate file with different keys", manifests: [gateway("a", ingress, { mode: "SIMPLE", serverCertificate: "/etc/c.pem", privateKey: "/etc/a.key" }), gateway("b", ingress, { mode: "SIMPLE", serverCertificate: "/etc/c.pem", privateKey: "/etc/b.key" })] },
    { name: "one credentialName, one certificate file", manifests: [gateway("a", ingress, { mode: "SIMPLE", credentialName: "cert" }), gateway("b", ingress, { mode: "SIMPLE", serverCertificate: "/etc/c.pem", privateKey: "/etc/c.key" })] },
    { name: "no TLS", manifests: [gateway("a", ingress, undefined), gateway("b", ingress, undefined)] },
  ],
  invalid: [
    {
      name: "the same credentialName on the same workloads",
      manifests: [gateway("a", ingress, { mode: "SIMPLE", credentialName: "cert" }), gateway("b", ingress, { mode: "SIMPLE", credentialName: "cert" })],
      errors: [
        "metadata.name: Duplicate certificate in multiple gateways [istio-system/a istio-system/b] may cause 404s if clients re-use HTTP2 connections. (IST0138)",
        "metadata.name: Duplicate certificate in multiple gateways [istio-system/b istio-system/a] may cause 404s if clients re-use HTTP2 connections. (IST0138)",
      ],
    },
    {
      name: "a selector included in the other's: reported on the one whose selector is the subset",
      manifests: [gateway("a", ingress, { mode: "SIMPLE", serverCertificate: "/etc/c.pem", privateKey: "/etc/c.key" }), gateway("b", { ...ingress, app: "ingress" }, { mode: "MUTUAL", serverCertificate: "/etc/c.pem", privateKey: "/etc/c.key" })],
      errors: ["metadata.name: Duplicate certificate in multiple gateways [istio-system/a istio-system/b] may cause 404s if clients re-use HTTP2 connections. (IST0138)"],
    },
  ],
});

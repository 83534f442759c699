import { ingressTls } from "../../../../src/rules/apiserver/networking/ingress-tls.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { ingress, SUBDOMAIN, WILDCARD } from "./fixtures.ts";

const tls = (entry: object) => ingress((i) => { i.spec.tls = [entry]; });

ruleTable(ingressTls, {
  valid: [
    { name: "a host and a secret", manifests: [ingress()] },
    { name: "a wildcard host", manifests: [tls({ hosts: ["*.example.com"], secretName: "wildcard-tls" })] },
    { name: "no secret name (the controller's default certificate)", manifests: [tls({ hosts: ["shop.example.com"] })] },
  ],
  invalid: [
    { name: "a double wildcard", manifests: [tls({ hosts: ["*.*.example.com"], secretName: "tls" })], errors: [`spec.tls[0].hosts[0]: Invalid value: "*.*.example.com": ${WILDCARD}`] },
    { name: "an upper-case host", manifests: [tls({ hosts: ["Shop.example.com"] })], errors: [`spec.tls[0].hosts[0]: Invalid value: "Shop.example.com": ${SUBDOMAIN}`] },
    { name: "a secret name with '_'", manifests: [tls({ hosts: ["shop.example.com"], secretName: "shop_tls" })], errors: [`spec.tls[0].secretName: Invalid value: "shop_tls": ${SUBDOMAIN}`] },
  ],
});

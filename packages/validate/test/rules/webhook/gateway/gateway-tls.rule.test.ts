import { gatewayTls } from "../../../../src/rules/webhook/gateway/gateway-tls.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { gw } from "../istio-fixtures.ts";

const https = (tls: object) => gw((g) => { g.spec.servers = [{ port: { number: 443, name: "https", protocol: "HTTPS" }, hosts: ["*"], tls }]; });

ruleTable(gatewayTls, {
  valid: [
    { name: "a credential, files, passthrough", manifests: [https({ mode: "SIMPLE", credentialName: "cert" }), gw((g) => { g.metadata.name = "files"; g.spec.servers = [{ port: { number: 443, name: "https", protocol: "HTTPS" }, hosts: ["*"], tls: { mode: "MUTUAL", serverCertificate: "/c.pem", privateKey: "/k.pem", caCertificates: "/ca.pem" } }]; }), gw((g) => { g.metadata.name = "pass"; g.spec.servers = [{ port: { number: 443, name: "tls", protocol: "TLS" }, hosts: ["*"], tls: { mode: "PASSTHROUGH" } }]; })] },
  ],
  invalid: [
    { name: "SIMPLE without certificates", manifests: [https({ mode: "SIMPLE" })], errors: ["spec.servers[0].tls: SIMPLE TLS requires a private key", "spec.servers[0].tls: SIMPLE TLS requires a server certificate"] },
    { name: "MUTUAL without a CA", manifests: [https({ mode: "MUTUAL", serverCertificate: "/c.pem", privateKey: "/k.pem" })], errors: ["spec.servers[0].tls: MUTUAL TLS requires a client CA bundle"] },
    { name: "ISTIO_MUTUAL with a credential", manifests: [https({ mode: "ISTIO_MUTUAL", credentialName: "cert" })], errors: ["spec.servers[0].tls.credentialName: ISTIO_MUTUAL TLS cannot have associated credentialName"] },
    { name: "a CRL with SIMPLE", manifests: [https({ mode: "SIMPLE", serverCertificate: "/c.pem", privateKey: "/k.pem", caCrl: "/crl.pem" })], errors: ["spec.servers[0].tls.caCrl: CRL is not supported with SIMPLE TLS"] },
  ],
});

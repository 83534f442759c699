import { destinationRuleTls } from "../../../../src/rules/webhook/destination-rule/destination-rule-tls.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { dr } from "../istio-fixtures.ts";

const tls = (t: object) => dr((d) => { d.spec.trafficPolicy = { tls: t }; });

ruleTable(destinationRuleTls, {
  valid: [
    { name: "ISTIO_MUTUAL, SIMPLE, and MUTUAL from a credential", manifests: [tls({ mode: "ISTIO_MUTUAL" }), dr((d) => { d.metadata.name = "ext"; d.spec.trafficPolicy = { tls: { mode: "SIMPLE", sni: "api.example.com" } }; }), dr((d) => { d.metadata.name = "mtls"; d.spec.trafficPolicy = { tls: { mode: "MUTUAL", credentialName: "client-cert" } }; })] },
  ],
  invalid: [
    { name: "MUTUAL without files", manifests: [tls({ mode: "MUTUAL" })], errors: ["spec.trafficPolicy.tls.clientCertificate: client certificate required for mutual tls", "spec.trafficPolicy.tls.privateKey: private key required for mutual tls"] },
    { name: "a credential with files", manifests: [tls({ mode: "SIMPLE", credentialName: "ca", caCertificates: "/etc/ca.pem" })], errors: ["spec.trafficPolicy.tls: cannot specify client certificates or CA certificate or CA CRL If credentialName is set"] },
    { name: "skipping verification with SANs", manifests: [tls({ mode: "SIMPLE", insecureSkipVerify: true, subjectAltNames: ["api.example.com"] })], errors: ["spec.trafficPolicy.tls: cannot specify CaCertificates or CredentialName or SubjectAltNames when InsecureSkipVerify is set true"] },
  ],
});

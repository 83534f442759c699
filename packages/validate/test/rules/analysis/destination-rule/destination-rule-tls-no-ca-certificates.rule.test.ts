import { destinationRuleTlsNoCaCertificates } from "../../../../src/rules/analysis/destination-rule/destination-rule-tls-no-ca-certificates.rule.ts";
import { destinationRule } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const tls = (settings: Record<string, string>) => destinationRule((d) => { d.metadata.name = "db-tls"; d.spec.host = "mydbserver.prod.svc.cluster.local"; delete d.spec.subsets; d.spec.trafficPolicy = { tls: settings }; });

ruleTable(destinationRuleTlsNoCaCertificates, {
  valid: [
    { name: "ISTIO_MUTUAL", manifests: [destinationRule()] },
    { name: "DISABLE", manifests: [tls({ mode: "DISABLE" })] },
    { name: "SIMPLE with caCertificates", manifests: [tls({ mode: "SIMPLE", caCertificates: "/etc/certs/ca.pem" })] },
    { name: "no TLS settings", manifests: [destinationRule((d) => { delete d.spec.trafficPolicy; })] },
  ],
  invalid: [
    {
      name: "SIMPLE without caCertificates (istio.io's example)",
      manifests: [tls({ mode: "SIMPLE", clientCertificate: "/etc/certs/myclientcert.pem", privateKey: "/etc/certs/client_private_key.pem" })],
      errors: ["spec.trafficPolicy.tls.mode: DestinationRule shop/db-tls in namespace shop has TLS mode set to SIMPLE but no caCertificates are set to validate server identity for host: mydbserver.prod.svc.cluster.local (IST0128)"],
    },
    {
      name: "MUTUAL with a credentialName (istioctl still asks for caCertificates)",
      manifests: [tls({ mode: "MUTUAL", credentialName: "db-client" })],
      errors: ["spec.trafficPolicy.tls.mode: DestinationRule shop/db-tls in namespace shop has TLS mode set to MUTUAL but no caCertificates are set to validate server identity for host: mydbserver.prod.svc.cluster.local (IST0128)"],
    },
  ],
});

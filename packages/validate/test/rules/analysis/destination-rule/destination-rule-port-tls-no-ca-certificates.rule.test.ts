import { destinationRulePortTlsNoCaCertificates } from "../../../../src/rules/analysis/destination-rule/destination-rule-port-tls-no-ca-certificates.rule.ts";
import { destinationRule } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const portLevel = (...settings: Record<string, unknown>[]) =>
  destinationRule((d) => { d.metadata.name = "db-tls"; d.spec.host = "mydbserver.prod.svc.cluster.local"; delete d.spec.subsets; d.spec.trafficPolicy = { portLevelSettings: settings }; });

ruleTable(destinationRulePortTlsNoCaCertificates, {
  valid: [
    { name: "no port-level settings", manifests: [destinationRule()] },
    { name: "SIMPLE with caCertificates, and ISTIO_MUTUAL", manifests: [portLevel({ port: { number: 443 }, tls: { mode: "SIMPLE", caCertificates: "/etc/certs/ca.pem" } }, { port: { number: 8443 }, tls: { mode: "ISTIO_MUTUAL" } })] },
  ],
  invalid: [
    {
      name: "SIMPLE without caCertificates (istio.io's example)",
      manifests: [portLevel({ port: { number: 443 }, tls: { mode: "SIMPLE", clientCertificate: "/etc/certs/myclientcert.pem", privateKey: "/etc/certs/client_private_key.pem", sni: "my-nginx.mesh-external.svc.cluster.local" } })],
      errors: ["spec.trafficPolicy.portLevelSettings[0].tls.mode: DestinationRule shop/db-tls in namespace shop has TLS mode set to SIMPLE but no caCertificates are set to validate server identity for host: mydbserver.prod.svc.cluster.local at port number:443 (IST0129)"],
    },
    {
      name: "the destination-level caCertificates is not inherited",
      manifests: [destinationRule((d) => { d.metadata.name = "db-tls"; d.spec.host = "db"; delete d.spec.subsets; d.spec.trafficPolicy = { tls: { mode: "SIMPLE", caCertificates: "/ca.pem" }, portLevelSettings: [{ port: { number: 5432 }, tls: { mode: "MUTUAL" } }] }; })],
      errors: ["spec.trafficPolicy.portLevelSettings[0].tls.mode: DestinationRule shop/db-tls in namespace shop has TLS mode set to MUTUAL but no caCertificates are set to validate server identity for host: db at port number:5432 (IST0129)"],
    },
  ],
});

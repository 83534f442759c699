import { networkPolicyPorts } from "../../../../src/rules/apiserver/networking/network-policy-ports.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { networkPolicy } from "./fixtures.ts";

const ports = (...entries: object[]) => networkPolicy((n) => { n.spec.ingress[0].ports = entries; });

ruleTable(networkPolicyPorts, {
  valid: [
    { name: "numeric and named ports", manifests: [ports({ port: 8080 }, { protocol: "UDP", port: "dns" })] },
    { name: "a port range", manifests: [ports({ port: 32000, endPort: 32768 })] },
    { name: "a one-port range", manifests: [ports({ port: 8080, endPort: 8080 })] },
    { name: "no port: every port of the protocol", manifests: [ports({ protocol: "SCTP" })] },
    { name: "egress ports", manifests: [networkPolicy()] },
  ],
  invalid: [
    { name: "port 0", manifests: [ports({ port: 0 })], errors: ["spec.ingress[0].ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive"] },
    {
      name: "endPort below port (the apiserver quotes the port)",
      manifests: [ports({ port: 8080, endPort: 8000 })],
      errors: ["spec.ingress[0].ports[0].endPort: Invalid value: 8080: must be greater than or equal to `port`"],
    },
    { name: "endPort above 65535", manifests: [ports({ port: 8080, endPort: 70000 })], errors: ["spec.ingress[0].ports[0].endPort: Invalid value: 70000: must be between 1 and 65535, inclusive"] },
    { name: "endPort with a named port", manifests: [ports({ port: "http", endPort: 9000 })], errors: ["spec.ingress[0].ports[0].endPort: Invalid value: 9000: may not be specified when `port` is non-numeric"] },
    { name: "endPort without a port", manifests: [ports({ endPort: 9000 })], errors: ["spec.ingress[0].ports[0].endPort: Invalid value: 9000: may not be specified when `port` is not specified"] },
    {
      name: "a named port that is not an IANA_SVC_NAME",
      manifests: [networkPolicy((n) => { n.spec.egress[0].ports = [{ port: "Metrics--Port" }]; })],
      errors: [
        'spec.egress[0].ports[0].port: Invalid value: "Metrics--Port": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.egress[0].ports[0].port: Invalid value: "Metrics--Port": must not contain consecutive hyphens',
      ],
    },
    { name: "a quoted number is a port name", manifests: [ports({ port: "8080" })], errors: ['spec.ingress[0].ports[0].port: Invalid value: "8080": must contain at least one letter (a-z)'] },
  ],
});

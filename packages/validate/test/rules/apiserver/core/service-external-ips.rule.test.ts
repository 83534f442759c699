import { serviceExternalIps } from "../../../../src/rules/apiserver/core/service-external-ips.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { svc } from "./core-objects.ts";

ruleTable(serviceExternalIps, {
  valid: [
    { name: "public IPv4 and IPv6 addresses", manifests: [svc({ externalIPs: ["203.0.113.10", "2001:db8::10"] })] },
    { name: "no external IPs", manifests: [svc({})] },
  ],
  invalid: [
    { name: "not an IP", manifests: [svc({ externalIPs: ["example.com"] })], errors: ['spec.externalIPs[0]: Invalid value: "example.com": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'] },
    { name: "unspecified", manifests: [svc({ externalIPs: ["0.0.0.0"] })], errors: ['spec.externalIPs[0]: Invalid value: "0.0.0.0": may not be unspecified (0.0.0.0)'] },
    { name: "loopback (IPv6)", manifests: [svc({ externalIPs: ["::1"] })], errors: ['spec.externalIPs[0]: Invalid value: "::1": may not be in the loopback range (127.0.0.0/8)'] },
    { name: "link-local", manifests: [svc({ externalIPs: ["169.254.169.254"] })], errors: ['spec.externalIPs[0]: Invalid value: "169.254.169.254": may not be in the link-local range (169.254.0.0/16)'] },
    { name: "link-local multicast", manifests: [svc({ externalIPs: ["224.0.0.1"] })], errors: ['spec.externalIPs[0]: Invalid value: "224.0.0.1": may not be in the link-local multicast range (224.0.0.0/24)'] },
  ],
});

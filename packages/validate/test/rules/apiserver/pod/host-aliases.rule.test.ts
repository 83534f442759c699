import { hostAliases } from "../../../../src/rules/apiserver/pod/host-aliases.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { DNS_SUBDOMAIN, REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const aliases = (...list: object[]) => [withSpec((s) => { s.hostAliases = list; })];
const IP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

ruleTable(hostAliases, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "IPv4 and IPv6 aliases", manifests: aliases({ ip: "127.0.0.1", hostnames: ["foo.local", "bar.local"] }, { ip: "::1", hostnames: ["localhost6"] }, { ip: "::ffff:10.1.2.3", hostnames: ["mapped"] }) },
  ],
  invalid: [
    { name: "an octet over 255", manifests: aliases({ ip: "10.0.0.300", hostnames: ["db"] }), errors: [`${SPEC}.hostAliases[0].ip: Invalid value: "10.0.0.300": ${IP}`] },
    { name: "an IPv6 address with a zone", manifests: aliases({ ip: "fe80::1%eth0", hostnames: ["db"] }), errors: [`${SPEC}.hostAliases[0].ip: Invalid value: "fe80::1%eth0": ${IP}`] },
    { name: "a hostname with an underscore", manifests: aliases({ ip: "10.0.0.1", hostnames: ["my_db"] }), errors: [`${SPEC}.hostAliases[0].hostnames[0]: Invalid value: "my_db": ${DNS_SUBDOMAIN}`] },
  ],
});

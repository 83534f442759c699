import { dnsConfig } from "../../../../src/rules/apiserver/pod/dns-config.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { DNS_SUBDOMAIN, REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const D = `${SPEC}.dnsConfig`;
const dns = (policy: string | undefined, config?: object) => [withSpec((s) => { if (policy !== undefined) s.dnsPolicy = policy; if (config !== undefined) s.dnsConfig = config; })];

ruleTable(dnsConfig, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "the default policy and no config", manifests: dns(undefined) },
    { name: "None with nameservers, searches and options", manifests: dns("None", { nameservers: ["1.1.1.1", "2001:4860:4860::8888"], searches: ["svc.cluster.local.", "example.com"], options: [{ name: "ndots", value: "2" }, { name: "edns0" }] }) },
    { name: "ClusterFirst with extra options only", manifests: dns("ClusterFirst", { options: [{ name: "ndots", value: "1" }] }) },
    { name: "an IPv4 address with leading zeros (parsed sloppily)", manifests: dns("None", { nameservers: ["010.000.000.010"] }) },
    { name: "32 search domains", manifests: dns("Default", { searches: Array.from({ length: 32 }, (_, i) => `d${i}.example.com`) }) },
  ],
  invalid: [
    { name: "None without dnsConfig", manifests: dns("None"), errors: [`${D}: Required value: must provide \`dnsConfig\` when \`dnsPolicy\` is None`] },
    { name: "None without nameservers", manifests: dns("None", { searches: ["example.com"] }), errors: [`${D}.nameservers: Required value: must provide at least one DNS nameserver when \`dnsPolicy\` is None`] },
    { name: "an invalid nameserver", manifests: dns("None", { nameservers: ["dns.example.com"] }), errors: [`${D}.nameservers[0]: Invalid value: "dns.example.com": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)`] },
    {
      name: "four nameservers",
      manifests: dns("None", { nameservers: ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"] }),
      errors: [`${D}.nameservers: Invalid value: []string{"10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"}: must not have more than 3 nameservers`],
    },
    { name: "a search domain with an underscore", manifests: dns("ClusterFirst", { searches: ["my_domain.local"] }), errors: [`${D}.searches[0]: Invalid value: "my_domain.local": ${DNS_SUBDOMAIN}`] },
    {
      name: "33 search domains",
      manifests: dns("Default", { searches: Array.from({ length: 33 }, (_, i) => `d${i}`) }),
      errors: [`${D}.searches: Invalid value: []string{${Array.from({ length: 33 }, (_, i) => `"d${i}"`).join(", ")}}: must not have more than 32 search paths`],
    },
    { name: "an option without a name", manifests: dns("ClusterFirst", { options: [{ name: "", value: "2" }] }), errors: [`${D}.options[0]: Required value: must not be empty`] },
  ],
});

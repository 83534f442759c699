import { serviceClusterIps } from "../../../../src/rules/apiserver/core/service-cluster-ips.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { svc } from "./core-objects.ts";

const IP_MESSAGE = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

ruleTable(serviceClusterIps, {
  valid: [
    { name: "no cluster IP (allocated)", manifests: [svc({})] },
    { name: "clusterIP alone (clusterIPs follows it)", manifests: [svc({ clusterIP: "10.96.0.10" })] },
    { name: "an IPv4 octet with a leading zero (ParseIPSloppy accepts it)", manifests: [svc({ clusterIP: "10.96.0.010" })] },
    { name: "dual-stack IPs matching their families", manifests: [svc({ clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10", "fd00::10"], ipFamilies: ["IPv4", "IPv6"], ipFamilyPolicy: "RequireDualStack" })] },
    { name: "headless", manifests: [svc({ clusterIP: "None", ipFamilyPolicy: "SingleStack" })] },
    { name: "a family list without IPs", manifests: [svc({ ipFamilies: ["IPv6"], ipFamilyPolicy: "SingleStack" })] },
    { name: "ExternalName is left to service-type", manifests: [svc({ type: "ExternalName", externalName: "db.example.com", clusterIPs: ["x"] })] },
  ],
  invalid: [
    { name: "an invalid cluster IP", manifests: [svc({ clusterIP: "10.96.0.300" })], errors: [`spec.clusterIPs[0]: Invalid value: "10.96.0.300": ${IP_MESSAGE}`] },
    {
      name: "clusterIPs that do not start with clusterIP",
      manifests: [svc({ clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.11"] })],
      errors: ['spec.clusterIPs: Invalid value: []string{"10.96.0.11"}: first value must match `clusterIP`'],
    },
    {
      name: "clusterIPs without clusterIP",
      manifests: [svc({ clusterIPs: ["10.96.0.11"] })],
      errors: ['spec.clusterIPs: Invalid value: []string{"10.96.0.11"}: must be empty when `clusterIP` is not specified'],
    },
    {
      name: "None among other IPs",
      manifests: [svc({ clusterIP: "None", clusterIPs: ["None", "10.96.0.10"] })],
      errors: ['spec.clusterIPs: Invalid value: []string{"None", "10.96.0.10"}: \'None\' must be the first and only value'],
    },
    {
      name: "two IPv4 addresses",
      manifests: [svc({ clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10", "10.96.0.11"], ipFamilyPolicy: "PreferDualStack" })],
      errors: ['spec.clusterIPs: Invalid value: []string{"10.96.0.10", "10.96.0.11"}: may specify no more than one IP for each IP family'],
    },
    {
      name: "three IPs",
      manifests: [svc({ clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10", "fd00::10", "10.96.0.11"] })],
      errors: ['spec.clusterIPs: Invalid value: []string{"10.96.0.10", "fd00::10", "10.96.0.11"}: may only hold up to 2 values'],
    },
    {
      name: "an IP of the wrong family",
      manifests: [svc({ clusterIP: "fd00::10", ipFamilies: ["IPv4"] })],
      errors: ['spec.clusterIPs[0]: Invalid value: "fd00::10": expected an IPv4 value as indicated by `ipFamilies[0]`'],
    },
    {
      name: "an IPv4-mapped IPv6 address counts as IPv4",
      manifests: [svc({ clusterIP: "::ffff:10.96.0.10", ipFamilies: ["IPv6"] })],
      errors: ['spec.clusterIPs[0]: Invalid value: "::ffff:10.96.0.10": expected an IPv6 value as indicated by `ipFamilies[0]`'],
    },
    {
      name: "a repeated or empty IP family",
      manifests: [svc({ ipFamilies: ["IPv4", "IPv4", ""] })],
      errors: ['spec.ipFamilies[1]: Duplicate value: "IPv4"', 'spec.ipFamilies[2]: Unsupported value: "": supported values: "IPv4", "IPv6"'],
    },
    {
      name: "SingleStack with two IPs",
      manifests: [svc({ clusterIP: "10.96.0.10", clusterIPs: ["10.96.0.10", "fd00::10"], ipFamilyPolicy: "SingleStack" })],
      errors: [
        'spec.ipFamilyPolicy: Invalid value: "SingleStack": must be RequireDualStack or PreferDualStack when multiple IP addresses are specified',
        'spec.ipFamilyPolicy: Invalid value: "SingleStack": must be RequireDualStack or PreferDualStack when multiple IP families are specified',
      ],
    },
    {
      name: "SingleStack with two families",
      manifests: [svc({ ipFamilies: ["IPv4", "IPv6"], ipFamilyPolicy: "SingleStack" })],
      errors: ['spec.ipFamilyPolicy: Invalid value: "SingleStack": must be RequireDualStack or PreferDualStack when multiple IP families are specified'],
    },
    { name: "an IPv6 address with a zone", manifests: [svc({ clusterIP: "fe80::1%eth0" })], errors: [`spec.clusterIPs[0]: Invalid value: "fe80::1%eth0": ${IP_MESSAGE}`] },
  ],
});

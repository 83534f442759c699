import { sidecarEgress } from "../../../../src/rules/webhook/sidecar/sidecar-egress.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { sidecar } from "../istio-fixtures.ts";

const egress = (...listeners: object[]) => sidecar((s) => { s.spec.egress = listeners; });

ruleTable(sidecarEgress, {
  valid: [
    { name: "the platform's egress", manifests: [sidecar()] },
    { name: "a port listener, then the catch-all", manifests: [egress({ port: { number: 3306, name: "mysql", protocol: "MYSQL" }, hosts: ["db/mysql.db.svc.cluster.local"] }, { hosts: ["~/*", "*/*.example.com"] })] },
  ],
  invalid: [
    { name: "the catch-all first", manifests: [egress({ hosts: ["./*"] }, { port: { number: 80, protocol: "HTTP" }, hosts: ["./*"] })], errors: ["spec.egress[0]: sidecar: the egress listener with empty port should be the last listener in the list"] },
    { name: "no hosts", manifests: [egress({ port: { number: 80, protocol: "HTTP" } })], errors: ["spec.egress[0]: sidecar: egress listener must contain at least one host"] },
    { name: "a host without namespace", manifests: [egress({ hosts: ["web.shop.svc.cluster.local"] })], errors: ["spec.egress[0].hosts[0]: host must be of form namespace/dnsName"] },
    { name: "a short name", manifests: [egress({ hosts: ["shop/web"] })], errors: ["spec.egress[0].hosts[0]: short names (non FQDN) are not allowed"] },
    { name: "an invalid namespace", manifests: [egress({ hosts: ["shop_prod/*"] })], errors: ['spec.egress[0].hosts[0]: invalid namespace value "shop_prod" in sidecar'] },
    { name: "port 0 without a socket", manifests: [egress({ port: { number: 0, protocol: "HTTP" }, hosts: ["./*"] })], errors: ["spec.egress[0].bind: sidecar: ports with 0 value must have a unix domain socket bind address"] },
  ],
});

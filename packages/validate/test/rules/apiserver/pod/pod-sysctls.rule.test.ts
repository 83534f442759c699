import { podSysctls } from "../../../../src/rules/apiserver/pod/pod-sysctls.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, withSpec } from "./pod-fixtures.ts";

const S = `${SPEC}.securityContext.sysctls`;
const sysctls = (list: object[]) => [withSpec((s) => { s.securityContext.sysctls = list; })];
const REGEX = "^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$";

ruleTable(podSysctls, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "safe sysctls", manifests: sysctls([{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }, { name: "kernel.shm_rmid_forced", value: "1" }]) },
    { name: "a slash-separated name", manifests: sysctls([{ name: "net/ipv4/conf/eth0.100/forwarding", value: "1" }]) },
  ],
  invalid: [
    { name: "a repeated name", manifests: sysctls([{ name: "net.core.somaxconn", value: "1024" }, { name: "net.core.somaxconn", value: "2048" }]), errors: [`${S}[1].name: Duplicate value: "net.core.somaxconn"`] },
    { name: "an upper-case name", manifests: sysctls([{ name: "Net.Core", value: "1" }]), errors: [`${S}[0].name: Invalid value: "Net.Core": must have at most 253 characters and match regex ${REGEX}`] },
    { name: "an empty name", manifests: sysctls([{ name: "", value: "1" }]), errors: [`${S}[0].name: Required value`] },
  ],
});

import { hostNetworkPorts } from "../../../../src/rules/apiserver/pod/host-network-ports.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { REAL_WORLD, SPEC, daemonSet, pod, withSpec } from "./pod-fixtures.ts";

const hostNet = (ports: object[]) => withSpec((s) => { s.hostNetwork = true; s.containers[0].ports = ports; });

ruleTable(hostNetworkPorts, {
  valid: [
    { name: "real-world pod specs (node-exporter, Istio injection, scheduling, CronJob)", manifests: REAL_WORLD },
    { name: "hostPort equal to containerPort", manifests: [hostNet([{ name: "http", containerPort: 8080, hostPort: 8080 }])] },
    { name: "no hostPort in a template (left for the pod)", manifests: [hostNet([{ name: "http", containerPort: 8080 }])] },
    { name: "no hostPort in a Pod (defaulted to containerPort)", manifests: [pod((s) => { s.hostNetwork = true; })] },
    { name: "a different hostPort without hostNetwork", manifests: [withSpec((s) => { s.containers[0].ports = [{ name: "http", containerPort: 8080, hostPort: 80 }]; })] },
    { name: "an init container's different hostPort", manifests: [daemonSet((s) => { s.hostNetwork = true; s.initContainers = [{ name: "init", image: "busybox:1.36", ports: [{ containerPort: 9000, hostPort: 9001 }] }]; })] },
  ],
  invalid: [
    { name: "a hostPort different from containerPort", manifests: [hostNet([{ name: "http", containerPort: 8080, hostPort: 8081 }])], errors: [`${SPEC}.containers[0].ports[0].hostPort: Invalid value: 8081: must match \`containerPort\` when \`hostNetwork\` is true`] },
    { name: "a DaemonSet's second port", manifests: [daemonSet((s) => { s.hostNetwork = true; s.containers[0].ports = [{ containerPort: 9100, hostPort: 9100 }, { containerPort: 9101, hostPort: 19101 }]; })], errors: [`${SPEC}.containers[0].ports[1].hostPort: Invalid value: 19101: must match \`containerPort\` when \`hostNetwork\` is true`] },
  ],
});

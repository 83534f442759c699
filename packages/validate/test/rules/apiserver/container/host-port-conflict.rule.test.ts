import { hostPortConflict } from "../../../../src/rules/apiserver/container/host-port-conflict.rule.ts";
import { container, deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { initContainer, pod, withInitContainers } from "./helpers.ts";

const hostPorts = (...ports: object[]) => ports.map((p, i) => ({ name: `p${i}`, containerPort: 8080 + i, ...p }));

ruleTable(hostPortConflict, {
  valid: [
    { name: "no host ports", manifests: [deployment()] },
    { name: "one host port per protocol and host IP", manifests: [pod((p) => { p.spec.containers[0].ports = hostPorts({ hostPort: 80 }, { hostPort: 80, protocol: "UDP" }, { hostPort: 80, hostIP: "10.0.0.1" }); })] },
    { name: "init containers run one at a time, so they may reuse a container's host port", manifests: [withInitContainers(initContainer("a", { ports: hostPorts({ hostPort: 9000 }) }), initContainer("b", { ports: hostPorts({ hostPort: 9000 }) }))] },
  ],
  invalid: [
    { name: "two containers on one host port", manifests: [pod((p) => { p.spec.containers[0].ports = hostPorts({ hostPort: 80 }); p.spec.containers.push({ ...container("b"), ports: hostPorts({ hostPort: 80 }) }); })], errors: ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//80"'] },
    { name: "one init container twice on a host port (reported at index 0, as the apiserver does)", manifests: [withInitContainers(initContainer("a"), initContainer("b", { ports: hostPorts({ hostPort: 9000 }, { hostPort: 9000 }) }))], errors: ['spec.template.spec.initContainers[0].ports[1].hostPort: Duplicate value: "TCP//9000"'] },
  ],
});

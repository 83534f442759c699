import { serviceNodePort } from "../../../../src/rules/apiserver/core/service-node-port.rule.ts";
import { service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { svc } from "./core-objects.ts";

const withNodePort = (type: string | undefined) =>
  service((s) => {
    if (type !== undefined) s.spec.type = type;
    s.spec.ports[0].nodePort = 30080;
  });

ruleTable(serviceNodePort, {
  valid: [
    { name: "NodePort", manifests: [withNodePort("NodePort")] },
    { name: "LoadBalancer", manifests: [withNodePort("LoadBalancer")] },
    { name: "ClusterIP without a nodePort", manifests: [service()] },
    {
      name: "ExternalName with a nodePort (the apiserver only forbids it on ClusterIP)",
      manifests: [svc({ type: "ExternalName", externalName: "db.example.com", selector: undefined, ports: [{ name: "pg", port: 5432, nodePort: 30432 }] })],
    },
    {
      name: "one node port for TCP and UDP",
      manifests: [svc({ type: "NodePort", ports: [{ name: "dns", port: 53, nodePort: 30053 }, { name: "dns-udp", port: 53, protocol: "UDP", nodePort: 30053 }] })],
    },
  ],
  invalid: [
    { name: "ClusterIP by default", manifests: [withNodePort(undefined)], errors: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"] },
    {
      name: "a node port used twice for TCP",
      manifests: [svc({ type: "NodePort", ports: [{ name: "http", port: 80, nodePort: 30080 }, { name: "alt", port: 8080, nodePort: 30080 }] })],
      errors: ["spec.ports[1].nodePort: Duplicate value: 30080"],
    },
  ],
});

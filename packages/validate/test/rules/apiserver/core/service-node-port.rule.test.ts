import { serviceNodePort } from "../../../../src/rules/apiserver/core/service-node-port.rule.ts";
import { service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

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
  ],
  invalid: [
    { name: "ClusterIP by default", manifests: [withNodePort(undefined)], errors: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"] },
    { name: "ExternalName", manifests: [service((s) => { s.spec = { type: "ExternalName", externalName: "db.example.com", ports: [{ name: "pg", port: 5432, nodePort: 30432 }] }; })], errors: ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ExternalName'"] },
  ],
});

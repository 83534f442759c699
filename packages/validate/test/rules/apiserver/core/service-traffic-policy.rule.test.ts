import { serviceTrafficPolicy } from "../../../../src/rules/apiserver/core/service-traffic-policy.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { svc } from "./core-objects.ts";

ruleTable(serviceTrafficPolicy, {
  valid: [
    { name: "Local on a LoadBalancer with a health check port", manifests: [svc({ type: "LoadBalancer", externalTrafficPolicy: "Local", healthCheckNodePort: 32000 })] },
    { name: "Local on a NodePort", manifests: [svc({ type: "NodePort", externalTrafficPolicy: "Local" })] },
    { name: "Local on a ClusterIP Service with external IPs (externally accessible)", manifests: [svc({ externalIPs: ["203.0.113.10"], externalTrafficPolicy: "Local" })] },
    { name: "an empty policy on ClusterIP", manifests: [svc({ externalTrafficPolicy: "" })] },
    { name: "internalTrafficPolicy Local on ClusterIP", manifests: [svc({ internalTrafficPolicy: "Local" })] },
  ],
  invalid: [
    { name: "externalTrafficPolicy on ClusterIP", manifests: [svc({ externalTrafficPolicy: "Cluster" })], errors: ['spec.externalTrafficPolicy: Invalid value: "Cluster": may only be set for externally-accessible services'] },
    {
      name: "healthCheckNodePort with the Cluster policy",
      manifests: [svc({ type: "LoadBalancer", healthCheckNodePort: 32000 })],
      errors: ["spec.healthCheckNodePort: Invalid value: 32000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"],
    },
    {
      name: "healthCheckNodePort on a NodePort Service",
      manifests: [svc({ type: "NodePort", externalTrafficPolicy: "Local", healthCheckNodePort: 32000 })],
      errors: ["spec.healthCheckNodePort: Invalid value: 32000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"],
    },
    {
      name: "a healthCheckNodePort that is no port",
      manifests: [svc({ type: "LoadBalancer", externalTrafficPolicy: "Local", healthCheckNodePort: 70000 })],
      errors: ["spec.healthCheckNodePort: Invalid value: 70000: must be between 1 and 65535, inclusive"],
    },
  ],
});

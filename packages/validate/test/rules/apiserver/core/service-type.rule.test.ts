import { serviceType } from "../../../../src/rules/apiserver/core/service-type.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { svc } from "./core-objects.ts";

const external = (spec: object) => svc({ type: "ExternalName", selector: undefined, ports: undefined, ...spec });

ruleTable(serviceType, {
  valid: [
    { name: "ExternalName with a host name", manifests: [external({ externalName: "db.example.com" })] },
    { name: "ExternalName with a fully qualified name (trailing dot)", manifests: [external({ externalName: "db.example.com." })] },
    { name: "headless ClusterIP", manifests: [svc({ clusterIP: "None" })] },
    { name: "an externalName on a Service without a type (it defaults to ClusterIP and the name is ignored)", manifests: [svc({ externalName: "Not A Host" })] },
  ],
  invalid: [
    { name: "ExternalName without a name", manifests: [external({})], errors: ["spec.externalName: Required value"] },
    {
      name: "ExternalName with an invalid name",
      manifests: [external({ externalName: "DB.example.com" })],
      errors: [
        "spec.externalName: Invalid value: \"DB.example.com\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ],
    },
    {
      name: "ExternalName with a cluster IP, IP families and a policy",
      manifests: [external({ externalName: "db.example.com", clusterIP: "10.96.0.10", ipFamilies: ["IPv4"], ipFamilyPolicy: "SingleStack" })],
      errors: [
        "spec.clusterIPs: Forbidden: may not be set for ExternalName services",
        "spec.ipFamilies: Forbidden: may not be set for ExternalName services",
        "spec.ipFamilyPolicy: Forbidden: may not be set for ExternalName services",
      ],
    },
    { name: "ExternalName with clusterIP None", manifests: [external({ externalName: "db.example.com", clusterIP: "None" })], errors: ["spec.clusterIPs: Forbidden: may not be set for ExternalName services"] },
    { name: "a headless LoadBalancer", manifests: [svc({ type: "LoadBalancer", clusterIP: "None" })], errors: ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for LoadBalancer services"] },
    { name: "a headless NodePort", manifests: [svc({ type: "NodePort", clusterIPs: ["None"], clusterIP: "None" })], errors: ["spec.clusterIPs[0]: Invalid value: \"None\": may not be set to 'None' for NodePort services"] },
  ],
});

import { servicePorts } from "../../../../src/rules/apiserver/core/service-ports.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { svc } from "./core-objects.ts";

ruleTable(servicePorts, {
  valid: [
    { name: "a port with a numeric and a named target port", manifests: [svc({ ports: [{ name: "http", port: 80, targetPort: 8080 }, { name: "grpc", port: 90, targetPort: "grpc" }] })] },
    { name: "headless without ports (the apiserver's exception)", manifests: [svc({ clusterIP: "None", ports: undefined })] },
    { name: "ExternalName without ports", manifests: [svc({ type: "ExternalName", externalName: "db.example.com", ports: undefined, selector: undefined })] },
    { name: "the same port number over TCP and UDP", manifests: [svc({ ports: [{ name: "dns", port: 53 }, { name: "dns-udp", port: 53, protocol: "UDP" }] })] },
    { name: "an appProtocol with a prefix", manifests: [svc({ ports: [{ name: "web", port: 80, appProtocol: "kubernetes.io/h2c" }] })] },
  ],
  invalid: [
    { name: "no ports", manifests: [svc({ ports: [] })], errors: ["spec.ports: Required value"] },
    {
      name: "a numeric string target port is a name, and not a valid one",
      manifests: [svc({ ports: [{ name: "http", port: 80, targetPort: "8080" }] })],
      errors: ['spec.ports[0].targetPort: Invalid value: "8080": must contain at least one letter (a-z)'],
    },
    {
      name: "an appProtocol that is not a qualified name",
      manifests: [svc({ ports: [{ name: "http", port: 80, appProtocol: "http 2" }] })],
      errors: [
        "spec.ports[0].appProtocol: Invalid value: \"http 2\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      ],
    },
    {
      name: "two ports with the same protocol and port (TCP by default)",
      manifests: [svc({ ports: [{ name: "http", port: 80, targetPort: 8080 }, { name: "web", port: 80, protocol: "TCP", targetPort: 9090 }] })],
      errors: ['spec.ports[1]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:80, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}'],
    },
  ],
});

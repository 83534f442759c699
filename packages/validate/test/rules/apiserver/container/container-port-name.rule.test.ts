import { containerPortName } from "../../../../src/rules/apiserver/container/container-port-name.rule.ts";
import { deployment, service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(containerPortName, {
  valid: [
    { name: "IANA names on ports, probes and target ports", manifests: [deployment(), service((s) => { s.spec.ports[0].targetPort = "http"; })] },
    { name: "a 15-character name with digits", manifests: [deployment((d) => { d.spec.template.spec.containers[0].ports[0].name = "grpc-web-8080ab"; })] },
  ],
  invalid: [
    { name: "consecutive hyphens", manifests: [deployment((d) => { d.spec.template.spec.containers[0].ports[0].name = "http--api"; })], errors: ['spec.template.spec.containers[0].ports[0].name: Invalid value: "http--api": must not contain consecutive hyphens'] },
    {
      name: "16 characters, upper case",
      manifests: [deployment((d) => { d.spec.template.spec.containers[0].ports[0].name = "Metrics-Endpoint"; })],
      errors: [
        'spec.template.spec.containers[0].ports[0].name: Invalid value: "Metrics-Endpoint": must be no more than 15 characters',
        'spec.template.spec.containers[0].ports[0].name: Invalid value: "Metrics-Endpoint": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      ],
    },
    {
      name: "digits only, and a trailing hyphen on a probe port",
      manifests: [deployment((d) => { d.spec.template.spec.containers[0].ports[0].name = "8080"; d.spec.template.spec.containers[0].readinessProbe.httpGet.port = "http-"; })],
      errors: [
        'spec.template.spec.containers[0].ports[0].name: Invalid value: "8080": must contain at least one letter (a-z)',
        'spec.template.spec.containers[0].readinessProbe.httpGet.port: Invalid value: "http-": must not begin or end with a hyphen',
      ],
    },
    { name: "a duplicate name in one container", manifests: [deployment((d) => { d.spec.template.spec.containers[0].ports.push({ name: "http", containerPort: 9090 }); })], errors: ['spec.template.spec.containers[0].ports[1].name: Duplicate value: "http"'] },
    { name: "a Service's named target port", manifests: [service((s) => { s.spec.ports[0].targetPort = "web_http"; })], errors: ['spec.ports[0].targetPort: Invalid value: "web_http": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)'] },
  ],
});

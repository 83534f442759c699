import { servicePortNames } from "../../../../src/rules/apiserver/core/service-port-names.rule.ts";
import { service } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const ports = (...list: object[]) => service((s) => { s.spec.ports = list; });

ruleTable(servicePortNames, {
  valid: [
    { name: "one unnamed port", manifests: [ports({ port: 80 })] },
    { name: "several named ports", manifests: [ports({ name: "http", port: 80 }, { name: "grpc", port: 9090 })] },
  ],
  invalid: [
    { name: "an unnamed port among several", manifests: [ports({ name: "http", port: 80 }, { port: 9090 })], errors: ["spec.ports[1].name: Required value"] },
    { name: "a duplicate name", manifests: [ports({ name: "http", port: 80 }, { name: "http", port: 8080 })], errors: ['spec.ports[1].name: Duplicate value: "http"'] },
    { name: "a name that is not a DNS label", manifests: [ports({ name: "HTTP", port: 80 })], errors: ["spec.ports[0].name: Invalid value: \"HTTP\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"] },
  ],
});

import { containerName } from "../../../../src/rules/apiserver/container/container-name.rule.ts";
import { container, deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

ruleTable(containerName, {
  valid: [
    { name: "distinct DNS-1123 label names", manifests: [deployment((d) => { d.spec.template.spec.initContainers = [{ ...container("init-db") }]; d.spec.template.spec.containers.push({ ...container("proxy"), ports: [] }); })] },
  ],
  invalid: [
    {
      name: "an upper-case name",
      manifests: [deployment((d) => { d.spec.template.spec.containers[0].name = "Web"; })],
      errors: ["spec.template.spec.containers[0].name: Invalid value: \"Web\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"],
    },
    { name: "an init container named like a container", manifests: [deployment((d) => { d.spec.template.spec.initContainers = [{ ...container("web") }]; })], errors: ['spec.template.spec.initContainers[0].name: Duplicate value: "web"'] },
    { name: "an ephemeral container named like an init container", manifests: [{ apiVersion: "v1", kind: "Pod", metadata: { name: "p", namespace: "shop" }, spec: { initContainers: [container("init")], containers: [container("web")], ephemeralContainers: [{ name: "init", image: "busybox:1.36" }] } }], errors: ['spec.ephemeralContainers[0].name: Duplicate value: "init"'] },
    { name: "an empty name", manifests: [deployment((d) => { d.spec.template.spec.containers[0].name = ""; })], errors: ["spec.template.spec.containers[0].name: Required value"] },
  ],
});

import { containerSecurityContext } from "../../../../src/rules/apiserver/container/container-security-context.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { initContainer, withContainer, withInitContainers } from "./helpers.ts";

const PATH = "spec.template.spec.containers[0].securityContext";

ruleTable(containerSecurityContext, {
  valid: [
    { name: "the fixture's restricted context", manifests: [deployment()] },
    { name: "root, and the highest IDs", manifests: [withContainer((c) => { Object.assign(c.securityContext, { runAsUser: 0, runAsGroup: 2147483647 }); })] },
    { name: "a privileged container that may escalate (policy's concern)", manifests: [withContainer((c) => { c.securityContext = { privileged: true, capabilities: { add: ["CAP_SYS_ADMIN"] } }; })] },
    { name: "SYS_ADMIN without the CAP_ prefix is not what the apiserver compares", manifests: [withContainer((c) => { c.securityContext.capabilities = { add: ["SYS_ADMIN"] }; })] },
    { name: "Windows options", manifests: [withContainer((c) => { c.securityContext = { windowsOptions: { runAsUserName: "CORP\\app", gmsaCredentialSpecName: "webapp" } }; })] },
  ],
  invalid: [
    { name: "a negative user", manifests: [withContainer((c) => { c.securityContext.runAsUser = -1; })], errors: [`${PATH}.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive`] },
    { name: "a group above 2^31-1 on an init container", manifests: [withInitContainers(initContainer("init", { securityContext: { runAsGroup: 2147483648 } }))], errors: ["spec.template.spec.initContainers[0].securityContext.runAsGroup: Invalid value: 2147483648: must be between 0 and 2147483647, inclusive"] },
    { name: "privileged without privilege escalation", manifests: [withContainer((c) => { c.securityContext = { privileged: true, allowPrivilegeEscalation: false }; })], errors: [`${PATH}: Invalid value: {"privileged":true,"allowPrivilegeEscalation":false}: cannot set \`allowPrivilegeEscalation\` to false and \`privileged\` to true`] },
    { name: "CAP_SYS_ADMIN without privilege escalation", manifests: [withContainer((c) => { c.securityContext = { allowPrivilegeEscalation: false, capabilities: { add: ["CAP_SYS_ADMIN"] } }; })], errors: [`${PATH}: Invalid value: {"allowPrivilegeEscalation":false,"capabilities":{"add":["CAP_SYS_ADMIN"]}}: cannot set \`allowPrivilegeEscalation\` to false and \`capabilities.Add\` CAP_SYS_ADMIN`] },
    { name: "a Windows user name with two backslashes", manifests: [withContainer((c) => { c.securityContext = { windowsOptions: { runAsUserName: "a\\b\\c" } }; })], errors: [`${PATH}.windowsOptions.runAsUserName: Invalid value: "a\\\\b\\\\c": runAsUserName cannot contain more than one backslash`] },
  ],
});

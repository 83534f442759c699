import { podSecurityRestricted } from "../../../src/rules/policy/pod-security-restricted.rule.ts";
import { deployment } from "../../fixtures.ts";
import { ruleTable } from "../rule-table.ts";

const P = 'violates PodSecurity "restricted:latest"';
const C = "spec.template.spec.containers[0]";

ruleTable(podSecurityRestricted, {
  valid: [
    { name: "the restricted baseline: non-root, RuntimeDefault seccomp, no escalation, ALL dropped", manifests: [deployment()] },
    { name: "container-level runAsNonRoot and seccomp, NET_BIND_SERVICE added back, allowed volumes", manifests: [deployment((d) => {
      d.spec.template.spec.securityContext = {};
      d.spec.template.spec.containers[0].securityContext = { allowPrivilegeEscalation: false, runAsNonRoot: true, seccompProfile: { type: "Localhost", localhostProfile: "p.json" }, capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } };
      d.spec.template.spec.volumes = [{ name: "tmp", emptyDir: {} }, { name: "cfg", configMap: { name: "c" } }, { name: "token", projected: { sources: [] } }];
    })] },
    { name: "suppressed with a reason", manifests: [deployment((d) => { d.metadata.annotations = { "cloudlab.io/allow-pod-security-restricted": "the node agent needs the host network" }; d.spec.template.spec.hostNetwork = true; })] },
  ],
  invalid: [
    {
      name: "an unhardened container",
      manifests: [deployment((d) => { d.spec.template.spec.securityContext = {}; d.spec.template.spec.containers[0].securityContext = {}; })],
      errors: [
        `${C}.securityContext.allowPrivilegeEscalation: ${P}: allowPrivilegeEscalation != false (container "web" must set securityContext.allowPrivilegeEscalation=false)`,
        `${C}.securityContext.capabilities.drop: ${P}: unrestricted capabilities (container "web" must set securityContext.capabilities.drop=["ALL"])`,
        `${C}.securityContext.runAsNonRoot: ${P}: runAsNonRoot != true (pod or container "web" must set securityContext.runAsNonRoot=true)`,
        `${C}.securityContext.seccompProfile.type: ${P}: seccompProfile (pod or container "web" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`,
      ],
    },
    {
      name: "host namespaces, a hostPath volume, a privileged container with an added capability and a host port",
      manifests: [deployment((d) => {
        d.spec.template.spec.hostNetwork = true;
        d.spec.template.spec.volumes = [{ name: "docker", hostPath: { path: "/var/run/docker.sock" } }];
        d.spec.template.spec.containers[0].securityContext.privileged = true;
        d.spec.template.spec.containers[0].securityContext.capabilities.add = ["NET_ADMIN"];
        d.spec.template.spec.containers[0].ports[0].hostPort = 8080;
      })],
      errors: [
        `${C}.ports[0].hostPort: ${P}: hostPort (container "web" uses hostPort 8080)`,
        `${C}.securityContext.capabilities.add: ${P}: unrestricted capabilities (container "web" must not include "NET_ADMIN" in securityContext.capabilities.add)`,
        `${C}.securityContext.privileged: ${P}: privileged (container "web" must not set securityContext.privileged=true)`,
        `spec.template.spec.hostNetwork: ${P}: host namespaces (hostNetwork=true)`,
        `spec.template.spec.volumes[0].hostPath: ${P}: hostPath volumes (volume "docker" uses hostPath)`,
      ],
    },
    {
      name: "a suppression without a reason does not apply",
      manifests: [deployment((d) => { d.metadata.annotations = { "cloudlab.io/allow-pod-security-restricted": " " }; d.spec.template.spec.hostPID = true; })],
      errors: [`spec.template.spec.hostPID: ${P}: host namespaces (hostPID=true) (the cloudlab.io/allow-pod-security-restricted annotation gives no reason, so it does not apply)`],
    },
    {
      name: "root, as an error when configured so",
      manifests: [deployment((d) => { d.spec.template.spec.securityContext.runAsUser = 0; })],
      options: { levels: { "pod-security-restricted": "error" } },
      errors: [`spec.template.spec.securityContext.runAsUser: ${P}: runAsUser=0 (pod must not set runAsUser=0)`],
    },
  ],
});

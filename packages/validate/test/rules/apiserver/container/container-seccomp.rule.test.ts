import { containerSeccomp } from "../../../../src/rules/apiserver/container/container-seccomp.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { pod, withContainer } from "./helpers.ts";

const PATH = "spec.template.spec.containers[0].securityContext.seccompProfile";
const seccomp = (profile: object) => withContainer((c) => { c.securityContext.seccompProfile = profile; });

ruleTable(containerSeccomp, {
  valid: [
    { name: "RuntimeDefault, Unconfined and a relative Localhost profile", manifests: [deployment(), seccomp({ type: "RuntimeDefault" }), pod((p) => { p.spec.containers[0].securityContext.seccompProfile = { type: "Localhost", localhostProfile: "profiles/audit.json" }; })] },
    {
      name: "a per-container annotation that agrees with the field (docker/default is RuntimeDefault)",
      manifests: [pod((p) => { p.metadata.annotations = { "container.seccomp.security.alpha.kubernetes.io/web": "docker/default" }; p.spec.containers[0].securityContext.seccompProfile = { type: "RuntimeDefault" }; })],
    },
  ],
  invalid: [
    { name: "Localhost without a profile", manifests: [seccomp({ type: "Localhost" })], errors: [`${PATH}.localhostProfile: Required value: must be set when seccomp type is Localhost`] },
    { name: "an absolute Localhost profile", manifests: [seccomp({ type: "Localhost", localhostProfile: "/etc/p.json" })], errors: [`${PATH}.localhostProfile: Invalid value: "/etc/p.json": must be a relative path`] },
    { name: "a profile climbing out with ..", manifests: [seccomp({ type: "Localhost", localhostProfile: "../p.json" })], errors: [`${PATH}.localhostProfile: Invalid value: "../p.json": must not contain '..'`] },
    { name: "a localhostProfile with another type", manifests: [seccomp({ type: "RuntimeDefault", localhostProfile: "p.json" })], errors: [`${PATH}.localhostProfile: Invalid value: {"type":"RuntimeDefault","localhostProfile":"p.json"}: can only be set when seccomp type is Localhost`] },
    {
      name: "an invalid annotation profile (reported at annotations.<key>)",
      manifests: [pod((p) => { p.metadata.annotations = { "container.seccomp.security.alpha.kubernetes.io/web": "default" }; })],
      errors: ['metadata.annotations.container.seccomp.security.alpha.kubernetes.io/web: Invalid value: "default": must be a valid seccomp profile'],
    },
    {
      name: "an annotation that disagrees with the field, on a template",
      manifests: [deployment((d) => { d.spec.template.metadata.annotations = { "container.seccomp.security.alpha.kubernetes.io/web": "unconfined" }; d.spec.template.spec.containers[0].securityContext.seccompProfile = { type: "RuntimeDefault" }; })],
      errors: [`${PATH}.type: Forbidden: seccomp type in annotation and field must match`],
    },
  ],
});

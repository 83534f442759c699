import { containerApparmorAnnotation } from "../../../../src/rules/apiserver/container/container-apparmor-annotation.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";
import { pod } from "./helpers.ts";

const KEY = "container.apparmor.security.beta.kubernetes.io";
const annotated = (annotations: Record<string, string>) => deployment((d) => { d.spec.template.metadata.annotations = annotations; });

ruleTable(containerApparmorAnnotation, {
  valid: [
    { name: "profiles for existing containers", manifests: [annotated({ [`${KEY}/web`]: "runtime/default" }), pod((p) => { p.metadata.annotations = { [`${KEY}/web`]: "localhost/k8s-nginx" }; })] },
    { name: "unconfined, and other annotations", manifests: [annotated({ [`${KEY}/web`]: "unconfined", "example.com/team": "shop" })] },
  ],
  invalid: [
    { name: "an annotation for a container the pod lacks", manifests: [pod((p) => { p.metadata.annotations = { [`${KEY}/api`]: "runtime/default" }; })], errors: [`metadata.annotations[${KEY}/api]: Invalid value: "api": container not found`] },
    {
      name: "an unknown profile form, on a template (reported at spec.template.annotations)",
      manifests: [annotated({ [`${KEY}/web`]: "docker-default" })],
      errors: [`spec.template.annotations[${KEY}/web]: Invalid value: "docker-default": invalid AppArmor profile name: "docker-default"`],
    },
  ],
});

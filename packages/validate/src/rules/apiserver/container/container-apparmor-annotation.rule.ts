import type { FieldPath } from "../../../field-path.ts";
import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf, podTemplatePath } from "../../../support/pod-spec.ts";
import { asStringMap, at } from "../../../support/values.ts";

const ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

/**
 * Each AppArmor annotation (`container.apparmor.security.beta.kubernetes.io/<container>`, Kubernetes' way to set a
 * container's AppArmor profile before 1.30) names a container of the pod and a profile: `runtime/default`,
 * `unconfined` or `localhost/<name>`. Pod templates' annotations are reported at `spec.template.annotations`, as the
 * apiserver does.
 */
export const containerApparmorAnnotation: ObjectRule = {
  id: "container-apparmor-annotation",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "AppArmor container annotations name a container of the pod and a runtime/default, unconfined or localhost/ profile.",
  upstreamMessage: 'metadata.annotations[container.apparmor.security.beta.kubernetes.io/web]: Invalid value: "web": container not found',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const template = podTemplatePath(object.apiVersion, object.kind);
    const annotations = Object.entries(asStringMap(at(object.object, ...(template ?? []), "metadata", "annotations"))).filter(([name]) => name.startsWith(ANNOTATION_PREFIX));
    if (annotations.length === 0) return [];
    const annotationsPath: FieldPath = template === undefined ? ["metadata", "annotations"] : [...template, "annotations"];
    const names = new Set(containersOf(pod.spec, pod.path).map((c) => c.container.name));
    const problems: RuleProblem[] = [];
    for (const [name, profile] of annotations) {
      const where = [...annotationsPath, key(name)];
      const containerName = name.slice(ANNOTATION_PREFIX.length);
      if (!names.has(containerName)) problems.push({ path: where, message: invalid(containerName, "container not found") });
      if (profile !== "" && profile !== "runtime/default" && profile !== "unconfined" && !profile.startsWith("localhost/")) {
        problems.push({ path: where, message: invalid(profile, `invalid AppArmor profile name: ${JSON.stringify(profile)}`) });
      }
    }
    return problems;
  },
};

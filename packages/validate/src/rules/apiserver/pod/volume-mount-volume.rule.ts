import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { notFound } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

/**
 * Every `volumeMounts[].name` and `volumeDevices[].name` of every container names a volume of the pod — or, in a
 * StatefulSet, one of its `volumeClaimTemplates` (the controller adds those to each pod).
 */
export const volumeMountVolume: ObjectRule = {
  id: "volume-mount-volume",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Volume mounts and devices name a volume of the pod (or a StatefulSet volume claim template).",
  upstreamMessage: 'spec.template.spec.containers[0].volumeMounts[0].name: Not found: "data"',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    const volumes = new Set<string>();
    for (const item of asArray(pod.spec.volumes)) {
      const name = asObject(item)?.name;
      if (typeof name === "string") volumes.add(name);
    }
    if (object.kind === "StatefulSet") {
      for (const template of asArray(at(object.object, "spec", "volumeClaimTemplates"))) {
        const name = at(template, "metadata", "name");
        if (typeof name === "string") volumes.add(name);
      }
    }
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      for (const list of ["volumeMounts", "volumeDevices"]) {
        asArray(container[list]).forEach((item, index) => {
          const name = asObject(item)?.name;
          if (typeof name === "string" && !volumes.has(name)) problems.push({ path: [...path, list, index, "name"], message: notFound(name) });
        });
      }
    }
    return problems;
  },
};

import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { duplicate, invalid, isDns1123Label, required } from "../../../support/apiserver-validation.ts";
import { POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";
import { asArray, asObject } from "../../../support/values.ts";

/** Every volume of a pod has a name that is a DNS-1123 label, unique among the pod's volumes (ValidateVolumes). */
export const volumeName: ObjectRule = {
  id: "volume-name",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Pod volume names are present, DNS-1123 labels, and unique in the pod.",
  upstreamMessage: 'spec.template.spec.volumes[1].name: Duplicate value: "tmp"',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    const seen = new Set<string>();
    asArray(pod.spec.volumes).forEach((item, index) => {
      const name = asObject(item)?.name;
      const path = [...pod.path, "volumes", index, "name"];
      if (name === undefined || name === null || name === "") {
        problems.push({ path, message: required() });
        return;
      }
      if (typeof name !== "string") return;
      const errors = isDns1123Label(name);
      for (const message of errors) problems.push({ path, message: invalid(name, message) });
      if (seen.has(name)) problems.push({ path, message: duplicate(name) });
      else if (errors.length === 0) seen.add(name);
    });
    return problems;
  },
};

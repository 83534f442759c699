import type { ObjectRule, RuleProblem } from "../../rule.ts";
import { required } from "../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../support/pod-spec.ts";
import { asObject } from "../../support/values.ts";

const NEEDED = ["requests.cpu", "requests.memory", "limits.cpu", "limits.memory"] as const;

/** Every container (init containers included) requests and limits CPU and memory, so it can be scheduled and quota'd. */
export const resourcesRequired: ObjectRule = {
  id: "resources-required",
  category: "policy",
  scope: "object",
  severity: "warning",
  description: "Every container sets CPU and memory requests and limits.",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container, list } of containersOf(pod.spec, pod.path, ["initContainers", "containers"])) {
      const resources = asObject(container.resources);
      const missing = NEEDED.filter((field) => {
        const [section, name] = field.split(".") as [string, string];
        const value = asObject(resources?.[section])?.[name];
        return value === undefined || value === null || value === "";
      });
      if (missing.length > 0) {
        problems.push({ path: [...path, "resources"], message: required(`${list === "initContainers" ? "init container" : "container"} "${String(container.name)}" must set resources ${missing.join(", ")}`) });
      }
    }
    return problems;
  },
};

import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, required } from "../../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../../support/pod-spec.ts";

/**
 * Every container names an image, without leading or trailing whitespace. The apiserver checks the whitespace on
 * pods only (a pod template may hold a placeholder such as `" "` for a tool to fill in), but on plain Kubernetes the
 * pods created from such a template are rejected, so the rule checks templates too.
 */
export const containerImage: ObjectRule = {
  id: "container-image",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Every container (init, regular, ephemeral) sets `image`, with no leading or trailing whitespace.",
  upstreamMessage: 'spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace',
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path, ["containers", "initContainers", "ephemeralContainers"])) {
      const image = container.image;
      if (image === undefined || image === null || image === "") problems.push({ path: [...path, "image"], message: required() });
      else if (typeof image === "string" && image.trim() !== image) problems.push({ path: [...path, "image"], message: invalid(image, "must not have leading or trailing whitespace") });
    }
    return problems;
  },
};

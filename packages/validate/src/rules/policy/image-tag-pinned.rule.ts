import type { ObjectRule, RuleProblem } from "../../rule.ts";
import { invalid } from "../../support/apiserver-validation.ts";
import { containersOf, POD_SPEC_KINDS, podSpecOf } from "../../support/pod-spec.ts";

/** The tag of an image reference (`""` when it has none), or `undefined` when it is pinned by digest. */
function tagOf(image: string): string | undefined {
  if (image.includes("@")) return undefined;
  const last = image.slice(image.lastIndexOf("/") + 1);
  return last.includes(":") ? last.slice(last.indexOf(":") + 1) : "";
}

/** Every image is pinned: a version tag other than `latest`, or a digest. */
export const imageTagPinned: ObjectRule = {
  id: "image-tag-pinned",
  category: "policy",
  scope: "object",
  severity: "warning",
  description: "Container images name a tag other than `latest`, or a digest (no implicit `latest`).",
  kinds: POD_SPEC_KINDS,
  check(object) {
    const pod = podSpecOf(object);
    if (pod === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const { path, container } of containersOf(pod.spec, pod.path)) {
      const image = container.image;
      if (typeof image !== "string") continue;
      const tag = tagOf(image);
      if (tag === "") problems.push({ path: [...path, "image"], message: invalid(image, "has no tag, so it pulls the moving `latest`; pin a version tag or a digest") });
      else if (tag === "latest") problems.push({ path: [...path, "image"], message: invalid(image, "uses the moving `latest` tag; pin a version tag or a digest") });
    }
    return problems;
  },
};

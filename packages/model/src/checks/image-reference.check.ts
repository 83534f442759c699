import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { ServiceCheck } from "./service-check.ts";

export const imageReference: ServiceCheck = {
  id: "service/image-reference",
  description:
    "An image names a tag or a digest (or both), and the tag is never `latest`; neither is a version's, and a version that changes the tag of a digest-pinned image changes the digest too.",
  check({ image, versions = [] }) {
    if (image.tag === undefined && image.digest === undefined) {
      return [{ path: "image", message: "set a tag or a digest" }];
    }
    const problems: FieldProblem[] = [];
    if (image.tag === "latest") {
      problems.push({ path: "image.tag", message: `"latest" is not allowed: pin a version tag or a digest` });
    }
    // A version's image is merged over the service's: only what the version sets itself is its own problem.
    for (const [index, version] of versions.entries()) {
      const path = joinPath(joinPath(joinPath("versions", index), "image"), "tag");
      const tag = version.image?.tag;
      if (tag === undefined) continue;
      if (tag === "latest") problems.push({ path, message: `"latest" is not allowed: pin a version tag or a digest` });
      else if (version.image?.digest === undefined && image.digest !== undefined) {
        problems.push({ path, message: `"${tag}" would be ignored: the service's image is pinned by digest, which wins at pull time; set this version's digest too` });
      }
    }
    return problems;
  },
};

import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { ServiceCheck } from "./service-check.ts";

/** A version tag that names one build: `1.2.3`, `v1.2.3`, optionally with a pre-release or build suffix. */
const VERSION_TAG = /^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$/;

const mutable = (path: string, tag: string): FieldProblem => ({
  path,
  message: `"${tag}" is not an immutable version tag (1.2.3 or v1.2.3): prod needs one, or a digest`,
});

export const immutableProdImage: ServiceCheck = {
  id: "service/immutable-prod-image",
  description: "In prod, an image (each version's too) is pinned by digest or by an immutable version tag (1.2.3 or v1.2.3).",
  check({ image, versions = [] }, { environment }) {
    if (environment.stage !== "prod") return [];
    const problems: FieldProblem[] = [];
    if (image.digest === undefined && image.tag !== undefined && !VERSION_TAG.test(image.tag)) problems.push(mutable("image.tag", image.tag));
    // A version's own tag, unless a digest (its own or the service's) pins the image.
    for (const [index, version] of versions.entries()) {
      const tag = version.image?.tag;
      if (tag === undefined || (version.image?.digest ?? image.digest) !== undefined || VERSION_TAG.test(tag)) continue;
      problems.push(mutable(joinPath(joinPath(joinPath("versions", index), "image"), "tag"), tag));
    }
    return problems;
  },
};

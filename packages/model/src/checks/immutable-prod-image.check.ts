import type { ServiceCheck } from "./service-check.ts";

/** A version tag that names one build: `1.2.3`, `v1.2.3`, optionally with a pre-release or build suffix. */
const VERSION_TAG = /^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$/;

export const immutableProdImage: ServiceCheck = {
  id: "service/immutable-prod-image",
  description: "In prod, an image is pinned by digest or by an immutable version tag (1.2.3 or v1.2.3).",
  check({ image }, { environment }) {
    if (environment.stage !== "prod" || image.digest !== undefined || image.tag === undefined) return [];
    if (VERSION_TAG.test(image.tag)) return [];
    return [{ path: "image.tag", message: `"${image.tag}" is not an immutable version tag (1.2.3 or v1.2.3): prod needs one, or a digest` }];
  },
};

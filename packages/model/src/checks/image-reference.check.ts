import type { ServiceCheck } from "./service-check.ts";

export const imageReference: ServiceCheck = {
  id: "service/image-reference",
  description: "An image names a tag or a digest (or both), and the tag is never `latest`.",
  check({ image }) {
    if (image.tag === undefined && image.digest === undefined) {
      return [{ path: "image", message: "set a tag or a digest" }];
    }
    if (image.tag === "latest") {
      return [{ path: "image.tag", message: `"latest" is not allowed: pin a version tag or a digest` }];
    }
    return [];
  },
};

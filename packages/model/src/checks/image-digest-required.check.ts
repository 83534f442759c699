import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { ServiceCheck } from "./service-check.ts";

const MISSING = "no digest, and this environment sets requireImageDigests: pin the image by its digest (sha256: and 64 hex digits)";

export const imageDigestRequired: ServiceCheck = {
  id: "service/image-digest-required",
  description: "In an environment that sets `requireImageDigests`, every image (each version's too) is pinned by digest.",
  check({ image, versions = [] }, { environment }) {
    if (!environment.requireImageDigests || image.digest !== undefined) return [];
    // A version's image is merged over the service's: the version's own digest pins it, else the service's would.
    const unpinned = versions.map((version, index) => ({ version, index })).filter(({ version }) => version.image?.digest === undefined);
    // No version pins its own image (or there is none): the service's image is the one to pin.
    if (unpinned.length === versions.length) return [{ path: "image.digest", message: MISSING }];
    return unpinned.map(({ index }): FieldProblem => ({ path: joinPath(joinPath(joinPath("versions", index), "image"), "digest"), message: MISSING }));
  },
};

import type { ResolvedService } from "@cloudlab/model";

/** The DestinationRule subset Argo Rollouts points at the stable pods (it adds their pod-template hash). */
export const STABLE_SUBSET = "stable";
/** The DestinationRule subset Argo Rollouts points at the canary pods. */
export const CANARY_SUBSET = "canary";

/**
 * The pod label Istio reads the canonical revision from (`destination_canonical_revision` in its metrics): the
 * analysis tells the new pods from the old by it.
 */
export const CANONICAL_REVISION_LABEL = "service.istio.io/canonical-revision";

/** The analysis argument that carries the new pods' revision. */
export const REVISION_ARG = "revision";

/** The name of a blue-green service's preview Service (the new pods before promotion). */
export function previewServiceName(service: ResolvedService): string {
  return `${service.name}-preview`;
}

/** The name of a service's AnalysisTemplate. */
export function analysisTemplateName(service: ResolvedService): string {
  return `${service.name}-slo`;
}

/**
 * The revision of an image reference, as a label value: its tag, or the first 12 hex digits of its digest when it
 * has no tag (`repo@sha256:abc…` → `sha256-abc…`). A release changes its image, so its pods get a new revision.
 */
export function imageRevision(image: string): string {
  const [name, digest] = image.split("@") as [string, string | undefined];
  const lastSlash = name.lastIndexOf("/");
  const colon = name.indexOf(":", lastSlash + 1);
  const revision = colon !== -1 ? name.slice(colon + 1) : digest === undefined ? "latest" : `sha256-${digest.replace(/^sha256:/, "").slice(0, 12)}`;
  // A label value is at most 63 characters and starts and ends with a letter or digit; a tag may be longer, or
  // start with `_` or end with `.`/`-`.
  return revision.slice(0, 63).replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, "") || "latest";
}

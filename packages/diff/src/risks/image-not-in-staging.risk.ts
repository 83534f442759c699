import type { EnvironmentDelta, RiskFinding, RiskRule } from "./risk-rule.ts";
import { containersOf, deltaId } from "./manifest-fields.ts";

/** Every image any workload of a staging environment's new render runs. */
function stagingImages(environments: readonly EnvironmentDelta[]): Set<string> {
  const images = new Set<string>();
  for (const { environment, head } of environments) {
    if (environment.stage !== "staging") continue;
    for (const object of head) for (const container of containersOf(object.manifest)) if (container.image !== undefined) images.add(container.image);
  }
  return images;
}

/**
 * Promotion order: an image that production starts running (a changed image, a new container or a new workload)
 * must already run in staging, in the new render: the same repository and tag or digest.
 */
export const imageNotInStaging: RiskRule = {
  id: "image-not-in-staging",
  description: "Production starts running an image that no staging environment runs (promotion order).",
  check: ({ environments }) => {
    const staging = stagingImages(environments);
    const out: RiskFinding[] = [];
    for (const { environment, deltas } of environments) {
      if (environment.stage !== "prod") continue;
      for (const delta of deltas) {
        if (delta.change === "removed") continue;
        const before = new Map(containersOf(delta.before).map((c) => [c.name, c.image]));
        for (const container of containersOf(delta.after)) {
          if (container.image === undefined || before.get(container.name) === container.image || staging.has(container.image)) continue;
          out.push({ environment: environment.name, object: deltaId(delta), reason: `container ${container.name}: image ${container.image} is not running in staging` });
        }
      }
    }
    return out;
  },
};

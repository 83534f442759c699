import type { RiskFinding, RiskRule } from "./risk-rule.ts";
import { containersOf, deltaId } from "./manifest-fields.ts";

/** An image reference split into its name (repository and tag, as written) and its digest. */
function splitDigest(image: string): { name: string; digest: string | undefined } {
  const at = image.indexOf("@");
  return at === -1 ? { name: image, digest: undefined } : { name: image.slice(0, at), digest: image.slice(at + 1) };
}

/** `sha256:0123456789ab…`: enough of a digest to tell two apart in a review. */
function shortDigest(digest: string): string {
  return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}

/**
 * A prod container whose image keeps its repository and tag (or its lack of one) but changes its digest: the same
 * version name now means other bytes (a rebuild, or a tag pushed again), which a reviewer cannot see from the tag.
 */
export const prodDigestChanged: RiskRule = {
  id: "prod-digest-changed",
  description: "A prod image's digest changes while its repository and tag stay the same (other bytes under the same version).",
  check: ({ environments }) => {
    const out: RiskFinding[] = [];
    for (const { environment, deltas } of environments) {
      if (environment.stage !== "prod") continue;
      for (const delta of deltas) {
        if (delta.change !== "changed") continue;
        const before = new Map(containersOf(delta.before).map((c) => [c.name, c.image]));
        for (const container of containersOf(delta.after)) {
          const previous = before.get(container.name);
          if (container.image === undefined || previous === undefined || previous === container.image) continue;
          const [was, now] = [splitDigest(previous), splitDigest(container.image)];
          if (was.name !== now.name || was.digest === undefined || now.digest === undefined) continue;
          out.push({
            environment: environment.name,
            object: deltaId(delta),
            reason: `container ${container.name}: image ${now.name} changes its digest (${shortDigest(was.digest)} → ${shortDigest(now.digest)}) but not its tag: confirm the new build, or give it a new tag`,
          });
        }
      }
    }
    return out;
  },
};

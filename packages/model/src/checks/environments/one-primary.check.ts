import { byStage, environmentError, listed, reportedInEach, type EnvironmentsCheck } from "./environments-check.ts";

const ONE = `exactly one cluster of a stage is "primary", the others "dr" (active-active is not supported: docs/multi-cluster.md)`;

/**
 * Two primaries would both run the stateful services writable (diverging data) and both claim the primary DNS
 * record; none leaves the stage without a writable copy. A DR cluster stands by for the primary of its own stage (its
 * peers are its stage's clusters), so a lone "dr" stands by for nothing.
 */
export const onePrimary: EnvironmentsCheck = {
  id: "environments/one-primary",
  description: "Each stage has exactly one primary cluster, so every DR cluster's primary is in its own stage.",
  check({ environments }) {
    return byStage(environments).flatMap((stage) => {
      const name = stage[0]!.resolved.stage;
      const primaries = stage.filter((e) => e.resolved.cluster.role === "primary");
      if (primaries.length > 1) {
        return reportedInEach(primaries, "cluster.role", (others) => `stage ${name} has ${primaries.length} primaries: ${listed(["this one", ...others])}; ${ONE}`);
      }
      if (primaries.length === 1) return [];
      if (stage.length === 1) {
        return [environmentError(stage[0]!, "cluster.role", `"dr", but this is the only cluster of stage ${name}: a DR cluster stands by for the primary of its own stage; make it "primary"`)];
      }
      return reportedInEach(stage, "cluster.role", (others) => `stage ${name} has no primary: ${listed(["this one", ...others])} are "dr"; ${ONE}`);
    });
  },
};

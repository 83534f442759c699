import { byStage, listed, reportedInEach, sharing, type EnvironmentsCheck } from "./environments-check.ts";

/** A failover moves a stage's traffic to another region: two clusters of a stage in one region share its outages. */
export const uniqueRegion: EnvironmentsCheck = {
  id: "environments/unique-region",
  description: "Each region hosts at most one cluster of a stage.",
  check({ environments }) {
    return byStage(environments).flatMap((stage) =>
      sharing(stage, (e) => e.resolved.cluster.region).flatMap(([region, group]) =>
        reportedInEach(
          group,
          "cluster.region",
          (others) => `"${region}" is also the region of ${listed(others)}: each region hosts at most one cluster of a stage (a failover moves the traffic to another region)`,
        ),
      ),
    );
  },
};

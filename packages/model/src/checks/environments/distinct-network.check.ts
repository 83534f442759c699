import { byStage, listed, reportedInEach, sharing, type EnvironmentsCheck } from "./environments-check.ts";

/**
 * The clusters of a stage form one Istio mesh across networks: each reaches the others' endpoints through their
 * east-west gateways, chosen by network. Two clusters on one network would send traffic straight to pod addresses the
 * other cluster's network does not route.
 */
export const distinctNetwork: EnvironmentsCheck = {
  id: "environments/distinct-network",
  description: "The clusters of a stage are on distinct Istio networks (`cluster.network`).",
  check({ environments }) {
    return byStage(environments).flatMap((stage) =>
      sharing(stage, (e) => e.resolved.cluster.network)
        // Networks that are all the region's default mean one region: environments/unique-region reports that.
        .filter(([, group]) => group.some((e) => e.spec.cluster.network !== undefined))
        .flatMap(([network, group]) =>
          reportedInEach(
            group,
            "cluster.network",
            (others) =>
              `"${network}" is also the network of ${listed(others)}: the clusters of a stage are on distinct Istio networks (each reaches the others through its east-west gateway)`,
          ),
        ),
    );
  },
};

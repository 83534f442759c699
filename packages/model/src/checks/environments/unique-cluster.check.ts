import { listed, reportedInEach, sharing, type EnvironmentsCheck } from "./environments-check.ts";

/**
 * Two environments on one cluster would sync over each other's objects (the same namespaces, gateways and add-ons),
 * and a mesh's clusters need distinct names (`global.multiCluster.clusterName`, the remote secrets).
 */
export const uniqueCluster: EnvironmentsCheck = {
  id: "environments/unique-cluster",
  description: "Each cluster (`cluster.name`) hosts one environment.",
  check({ environments }) {
    return sharing(environments, (e) => e.resolved.cluster.name).flatMap(([cluster, group]) =>
      reportedInEach(
        group,
        "cluster.name",
        (others) => `"${cluster}" is also the cluster of ${listed(others)}: each cluster hosts one environment (two would overwrite each other's objects)`,
      ),
    );
  },
};

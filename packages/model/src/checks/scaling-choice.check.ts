import type { ServiceCheck } from "./service-check.ts";

export const scalingChoice: ServiceCheck = {
  id: "service/scaling-choice",
  description: "A service sets `replicas` or `autoscaling`, not both; autoscaling has 1 ≤ minReplicas ≤ maxReplicas.",
  check({ replicas, autoscaling }) {
    if (replicas !== undefined && autoscaling !== undefined) {
      return [{ path: "replicas", message: "set replicas or autoscaling, not both" }];
    }
    if (autoscaling === undefined) return [];
    const problems = [];
    if (autoscaling.minReplicas < 1) {
      problems.push({ path: "autoscaling.minReplicas", message: `must be >= 1, got ${autoscaling.minReplicas}` });
    }
    if (autoscaling.minReplicas > autoscaling.maxReplicas) {
      problems.push({
        path: "autoscaling.minReplicas",
        message: `${autoscaling.minReplicas} is more than maxReplicas ${autoscaling.maxReplicas}`,
      });
    }
    return problems;
  },
};

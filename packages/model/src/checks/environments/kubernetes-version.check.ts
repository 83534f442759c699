import { environmentError, type EnvironmentsCheck } from "./environments-check.ts";

/**
 * The oldest Kubernetes minor that serves every API version the platform renders: `autoscaling/v2`
 * HorizontalPodAutoscalers are served from 1.23 (`policy/v1` PodDisruptionBudgets and `batch/v1` CronJobs from 1.21).
 */
export const OLDEST_KUBERNETES_MINOR = 23;

/**
 * An environment targeting an older Kubernetes would render objects its cluster does not serve; the PR gate
 * (`api-version-served`) would refuse the render. Judged on the spec, so that it is one error naming the field.
 */
export const kubernetesVersion: EnvironmentsCheck = {
  id: "environments/kubernetes-version",
  description: "An environment targets Kubernetes 1.23 or newer, which serves every API version the platform renders.",
  check({ environments }) {
    return environments.flatMap((environment) => {
      const version = environment.resolved.versions.kubernetes;
      const minor = Number(version.split(".")[1]);
      if (minor >= OLDEST_KUBERNETES_MINOR) return [];
      return [
        environmentError(
          environment,
          "versions.kubernetes",
          `"${version}" is older than Kubernetes 1.${OLDEST_KUBERNETES_MINOR}, the oldest that serves every API version the platform renders (autoscaling/v2 HorizontalPodAutoscalers)`,
        ),
      ];
    });
  },
};

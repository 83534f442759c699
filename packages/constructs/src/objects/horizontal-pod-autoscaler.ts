import type { ResolvedService, ResolvedVersion } from "@cloudlab/model";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler";
import type { IIoK8sApiAutoscalingV2MetricSpec } from "kubernetes-models/autoscaling/v2/MetricSpec";
import { serviceLabels } from "../labels.ts";

function utilization(name: "cpu" | "memory", percent: number): IIoK8sApiAutoscalingV2MetricSpec {
  return { type: "Resource", resource: { name, target: { type: "Utilization", averageUtilization: percent } } };
}

/** The autoscaling/v2 HPA of one version of an autoscaled service; `undefined` for a fixed-size one. */
export function buildHorizontalPodAutoscaler(
  service: ResolvedService,
  version: ResolvedVersion = service.versions[0]!,
): HorizontalPodAutoscaler | undefined {
  const scaling = service.scaling;
  if (scaling.kind !== "autoscaled") return undefined;
  const metrics = [utilization("cpu", scaling.cpuTargetPercent)];
  if (scaling.memoryTargetPercent !== undefined) metrics.push(utilization("memory", scaling.memoryTargetPercent));
  return new HorizontalPodAutoscaler({
    metadata: { name: version.workloadName, namespace: service.tenant, labels: { ...serviceLabels(service), version: version.name } },
    spec: {
      // A canary or blue-green runs as an Argo Rollout, which serves the scale subresource as a Deployment does.
      scaleTargetRef:
        service.delivery.strategy === "weights"
          ? { apiVersion: "apps/v1", kind: "Deployment", name: version.workloadName }
          : { apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", name: version.workloadName },
      minReplicas: scaling.minReplicas,
      maxReplicas: scaling.maxReplicas,
      metrics,
      behavior: {
        // Up fast enough for a 10× spike (the larger of the two policies wins), down slowly to avoid flapping.
        scaleUp: {
          stabilizationWindowSeconds: scaling.behavior.scaleUpStabilizationSeconds,
          selectPolicy: "Max",
          policies: [
            { type: "Percent", value: scaling.behavior.scaleUpPercentPer15s, periodSeconds: 15 },
            { type: "Pods", value: scaling.behavior.scaleUpPodsPer15s, periodSeconds: 15 },
          ],
        },
        scaleDown: {
          stabilizationWindowSeconds: scaling.behavior.scaleDownStabilizationSeconds,
          selectPolicy: "Max",
          policies: [{ type: "Percent", value: scaling.behavior.scaleDownPercentPerMinute, periodSeconds: 60 }],
        },
      },
    },
  });
}

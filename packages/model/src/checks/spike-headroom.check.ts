import type { ServiceCheck } from "./service-check.ts";

/** How many times its minimum a prod service must be able to scale to (the platform's 10× traffic spikes). */
export const SPIKE_FACTOR = 10;

export const spikeHeadroom: ServiceCheck = {
  id: "service/spike-headroom",
  description: "In prod, an autoscaled service's maxReplicas is at least 10 × minReplicas, unless autoscaling.belowTenfoldReason says why not.",
  check({ autoscaling, replicas }, { environment }) {
    if (environment.stage !== "prod" || autoscaling === undefined || replicas !== undefined) return [];
    if (autoscaling.belowTenfoldReason !== undefined && autoscaling.belowTenfoldReason.trim() !== "") return [];
    const needed = SPIKE_FACTOR * autoscaling.minReplicas;
    if (autoscaling.maxReplicas >= needed) return [];
    return [
      {
        path: "autoscaling.maxReplicas",
        message: `${autoscaling.maxReplicas} is less than ${SPIKE_FACTOR} × minReplicas (${needed}): raise it, or say why in autoscaling.belowTenfoldReason`,
      },
    ];
  },
};

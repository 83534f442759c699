import { applyOverride } from "../../apply-override.ts";
import { overrideFor } from "../../override-for.ts";
import type { Sourced } from "../../platform-definition.ts";
import type { ServiceSpec } from "../../spec/service-spec.ts";
import type { SpecError } from "../../spec-error.ts";
import { byStage, listed, named, type CheckedEnvironment, type EnvironmentsCheck } from "./environments-check.ts";

/** A stateful service's problem in one environment's file (an override's, or the environment's defaults'). */
function serviceError(service: ServiceSpec, { resolved }: CheckedEnvironment, path: string, message: string): SpecError {
  return { file: resolved.file, kind: "service", subject: service.name, environment: resolved.name, path, message };
}

/** The replicas a stateful service runs in an environment (a StatefulSet is never autoscaled): its own, else the environment's default. */
function statefulReplicas(service: ServiceSpec, environment: CheckedEnvironment): number {
  return applyOverride(service, overrideFor(environment.spec, service)).replicas ?? environment.resolved.defaults.replicas;
}

/** What keeps one stateful service's copies in the clusters of one multi-cluster stage interchangeable. */
function checkService({ spec: service }: Sourced<ServiceSpec>, stage: readonly CheckedEnvironment[]): SpecError[] {
  const name = stage[0]!.resolved.stage;
  const running = stage.filter((environment) => overrideFor(environment.spec, service)?.disabled !== true);
  const errors: SpecError[] = [];
  // A warm standby in every cluster or in none: disabling it in one leaves that cluster nothing to restore into once
  // it is the primary. ("absent" services run only in the primary by design; disabling one in a cluster is residency.)
  if ((service.disasterRecovery ?? "warm-standby") === "warm-standby" && running.length > 0) {
    for (const environment of stage.filter((e) => !running.includes(e))) {
      errors.push(
        serviceError(
          service,
          environment,
          "disabled",
          `a stateful warm standby (disasterRecovery "warm-standby") is disabled here but runs in ${listed(running.map(named))}: a failover to this cluster would find no copy to restore into; run it in every cluster of stage ${name}, in none, or declare disasterRecovery "absent"`,
        ),
      );
    }
  }
  // The same replicas wherever it runs: the primary's backup holds a volume claim per replica, and a flip makes
  // either copy the one serving.
  const replicas = new Map(running.map((environment) => [environment, statefulReplicas(service, environment)]));
  if (new Set(replicas.values()).size > 1) {
    for (const environment of running) {
      const others = running.filter((other) => other !== environment).map((other) => `${replicas.get(other)} in ${named(other)}`);
      errors.push(
        serviceError(
          service,
          environment,
          "replicas",
          `${replicas.get(environment)} here, but ${listed(others)}: a stateful service runs the same replicas in every cluster of stage ${name} (a restore brings back one volume claim per replica); set the same replicas in each`,
        ),
      );
    }
  }
  return errors;
}

/**
 * A failover (apps/platform/lib/failover.ts) only swaps the clusters' roles: whichever cluster is the primary, the
 * stateful services must have a same-sized copy in the others. So their settings must not depend on which cluster
 * is which.
 */
export const warmStandby: EnvironmentsCheck = {
  id: "environments/warm-standby",
  description:
    "In a stage of several clusters, a stateful warm standby runs in all of them or none, and every stateful service runs the same replicas in each cluster it runs in.",
  check({ environments, services }) {
    const stateful = services.filter(({ spec }) => spec.workload === "stateful");
    return byStage(environments)
      .filter((stage) => stage.length > 1)
      .flatMap((stage) => stateful.flatMap((service) => checkService(service, stage)));
  },
};

import { joinPath, type FieldProblem } from "../field-problem.ts";
import type { ServiceSpec } from "../spec/service-spec.ts";
import type { ServiceCheck, ServiceCheckContext } from "./service-check.ts";

/** A pause Argo Rollouts accepts: a whole number of seconds, minutes or hours. */
const PAUSE = /^[1-9][0-9]*(s|m|h)$/;

/** Fields that belong to one strategy only, and the strategies they belong to. */
const STRATEGY_FIELDS = [
  ["steps", ["canary"]],
  ["pause", ["canary"]],
  ["analysis", ["canary", "blue-green"]],
  ["autoPromote", ["blue-green"]],
] as const;

function stepProblems(steps: readonly number[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  steps.forEach((step, index) => {
    const path = joinPath("delivery.steps", index);
    if (step < 1 || step > 100) problems.push({ path, message: `${step} is not a share of requests from 1 to 100` });
    else if (index > 0 && step <= steps[index - 1]!) problems.push({ path, message: `${step} does not increase on the step before it (${steps[index - 1]})` });
  });
  const last = steps.at(-1);
  if (last !== undefined && last !== 100) problems.push({ path: "delivery.steps", message: `ends at ${last}, not 100: the last step sends the canary every request` });
  return problems;
}

/** What a Rollout cannot do that the spec asks of the service (it runs one pod template, stateless, on HTTP routes). */
function rolloutProblems(spec: ServiceSpec, strategy: "canary" | "blue-green", context: ServiceCheckContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const versions = spec.versions ?? [];
  if (versions.length > 1) {
    problems.push({ path: "versions", message: `a ${strategy} delivery runs one version (Argo Rollouts makes the new pods from a change of image), found ${versions.length}` });
  }
  if (spec.routing?.strategy === "blue-green") problems.push({ path: "routing.strategy", message: `"blue-green" switches versions by hand; a ${strategy} delivery switches by itself` });
  if ((spec.routing?.matches ?? []).length > 0) problems.push({ path: "routing.matches", message: `route to versions, and a ${strategy} delivery runs one` });
  if (spec.routing?.mirror !== undefined) problems.push({ path: "routing.mirror", message: `mirrors to a version, and a ${strategy} delivery runs one` });
  if (spec.workload === "stateful") problems.push({ path: "workload", message: `"stateful" runs as a StatefulSet; a ${strategy} delivery is an Argo Rollout of a stateless service` });
  const web = (spec.ports ?? []).some((p) => p.protocol !== "tcp");
  if (strategy === "canary" && !web) problems.push({ path: "delivery.strategy", message: '"canary" needs an http, http2 or grpc port: Istio splits the weights on HTTP routes' });
  if (strategy === "blue-green" && (spec.ports ?? []).length === 0) problems.push({ path: "delivery.strategy", message: '"blue-green" needs a port: it switches an active and a preview Service' });
  if ((spec.delivery?.analysis ?? "slo") === "slo" && !web && strategy === "blue-green") {
    problems.push({ path: "delivery.analysis", message: '"slo" needs an http, http2 or grpc port: the Istio proxy measures requests only there' });
  }
  const environment = context.environment;
  if (strategy === "canary" && environment.delivery.flux) {
    problems.push({ path: "delivery.strategy", message: `"canary" cannot be delivered by Flux (${environment.name}): its server-side apply would reset the weights Argo Rollouts sets` });
  }
  return problems;
}

export const delivery: ServiceCheck = {
  id: "service/delivery",
  description:
    "A canary's steps increase from 1 to 100 and end at 100 and its pause is whole seconds, minutes or hours; each delivery field belongs to its strategy; a canary or blue-green runs one version of a stateless service with an HTTP port (a canary: delivered by Argo CD alone).",
  check(spec, context) {
    const declared = spec.delivery;
    if (declared === undefined) return [];
    const strategy = declared.strategy ?? "weights";
    const problems: FieldProblem[] = [];
    for (const [field, strategies] of STRATEGY_FIELDS) {
      if (declared[field] !== undefined && !(strategies as readonly string[]).includes(strategy)) {
        problems.push({ path: `delivery.${field}`, message: `is only used with strategy ${strategies.map((s) => `"${s}"`).join(" or ")}, not "${strategy}"` });
      }
    }
    if (strategy === "weights") return problems;
    if (strategy === "canary") {
      problems.push(...stepProblems(declared.steps ?? []));
      if (declared.pause !== undefined && !PAUSE.test(declared.pause)) {
        problems.push({ path: "delivery.pause", message: `"${declared.pause}" is not a whole number of seconds, minutes or hours (e.g. 30s, 5m, 1h)` });
      }
    }
    return [...problems, ...rolloutProblems(spec, strategy, context)];
  },
};

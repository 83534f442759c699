import { describe, expect, it } from "vitest";
import type { CheckedEnvironment } from "../../../src/checks/environments/index.ts";
import { warmStandby } from "../../../src/checks/environments/warm-standby.check.ts";
import type { ServiceSpec, SpecError } from "../../../src/index.ts";
import { cartSpec, checkoutSpec } from "../../fixtures.ts";
import { checked, contextOf, file } from "./environments-fixtures.ts";

/** The fixture's cart as a stateful service (a warm standby in the DR cluster unless `changes` say otherwise). */
const statefulCart = (changes: Partial<ServiceSpec> = {}) => cartSpec({ workload: "stateful", storage: { size: "1Gi", mountPath: "/data" }, ...changes });
const named = (environment: string) => `${environment} (${file(environment)})`;
const cartError = (environment: string, path: string, message: string): SpecError => ({
  file: file(environment),
  kind: "service",
  subject: "cart",
  environment,
  path,
  message,
});
const disabledHere = (environment: string, running: string) =>
  cartError(
    environment,
    "disabled",
    `a stateful warm standby (disasterRecovery "warm-standby") is disabled here but runs in ${running}: a failover to this cluster would find no copy to restore into; run it in every cluster of stage prod, in none, or declare disasterRecovery "absent"`,
  );
const replicasDiffer = (environment: string, here: number, others: string) =>
  cartError(
    environment,
    "replicas",
    `${here} here, but ${others}: a stateful service runs the same replicas in every cluster of stage prod (a restore brings back one volume claim per replica); set the same replicas in each`,
  );

const primary = (overrides?: Record<string, object>, defaults?: object) => checked("prod-us-west-2", "primary", {}, { ...(overrides && { overrides }), ...(defaults && { defaults }) });
const dr = (overrides?: Record<string, object>, defaults?: object) => checked("prod-us-east-1", "dr", {}, { ...(overrides && { overrides }), ...(defaults && { defaults }) });

describe("environments/warm-standby", () => {
  it.each<[string, CheckedEnvironment[], ServiceSpec, SpecError[]]>([
    ["a warm standby running in both clusters, the stage's replicas", [primary(), dr()], statefulCart(), []],
    ["the same replicas set in both overrides", [primary({ cart: { replicas: 2 } }), dr({ cart: { replicas: 2 } })], statefulCart(), []],
    ["its own replicas, no override", [primary(), dr()], statefulCart({ replicas: 5 }), []],
    ["disabled in every prod cluster", [primary({ cart: { disabled: true } }), dr({ cart: { disabled: true } })], statefulCart(), []],
    // "absent": the DR cluster runs it not at all by design; keeping it out of one region (residency) is allowed.
    ["disasterRecovery absent, disabled in the DR cluster", [primary(), dr({ cart: { disabled: true } })], statefulCart({ disasterRecovery: "absent" }), []],
    ["a stateless service disabled in the DR cluster", [primary(), dr({ checkout: { disabled: true } })], checkoutSpec(), []],
    ["a stateless service with other replicas in the DR cluster", [primary(), dr({ checkout: { replicas: 1 } })], checkoutSpec({ autoscaling: undefined, replicas: 3 }), []],
    ["one cluster per stage: nothing to keep alike", [checked("staging-us-west-2", "primary", {}, { overrides: { cart: { replicas: 1 } } }), primary({ cart: { replicas: 3 } })], statefulCart(), []],
    ["a warm standby disabled in the DR cluster", [primary(), dr({ cart: { disabled: true } })], statefulCart(), [disabledHere("prod-us-east-1", named("prod-us-west-2"))]],
    ["a warm standby disabled in the primary", [primary({ "shop/cart": { disabled: true } }), dr()], statefulCart(), [disabledHere("prod-us-west-2", named("prod-us-east-1"))]],
    [
      "a warm standby disabled in one of three clusters",
      [primary(), dr(), checked("prod-eu-west-1", "dr", {}, { overrides: { cart: { disabled: true } } })],
      statefulCart(),
      [disabledHere("prod-eu-west-1", `${named("prod-us-west-2")} and ${named("prod-us-east-1")}`)],
    ],
    [
      "fewer replicas in the DR cluster's override",
      [primary(), dr({ cart: { replicas: 1 } })],
      statefulCart(),
      [replicasDiffer("prod-us-west-2", 3, `1 in ${named("prod-us-east-1")}`), replicasDiffer("prod-us-east-1", 1, `3 in ${named("prod-us-west-2")}`)],
    ],
    [
      "the DR environment's default replicas",
      [primary(), dr(undefined, { replicas: 2 })],
      statefulCart(),
      [replicasDiffer("prod-us-west-2", 3, `2 in ${named("prod-us-east-1")}`), replicasDiffer("prod-us-east-1", 2, `3 in ${named("prod-us-west-2")}`)],
    ],
    [
      "an override's autoscaling drops the service's replicas for the stage default (a StatefulSet is not autoscaled)",
      [primary(), dr({ cart: { autoscaling: { minReplicas: 1, maxReplicas: 3 } } })],
      statefulCart({ replicas: 5 }),
      [replicasDiffer("prod-us-west-2", 5, `3 in ${named("prod-us-east-1")}`), replicasDiffer("prod-us-east-1", 3, `5 in ${named("prod-us-west-2")}`)],
    ],
    [
      "disasterRecovery absent still runs the same replicas wherever it can be the primary",
      [primary({ cart: { replicas: 4 } }), dr()],
      statefulCart({ disasterRecovery: "absent" }),
      [replicasDiffer("prod-us-west-2", 4, `3 in ${named("prod-us-east-1")}`), replicasDiffer("prod-us-east-1", 3, `4 in ${named("prod-us-west-2")}`)],
    ],
  ])("%s", (_, environments, service, expected) => {
    expect(warmStandby.check(contextOf(environments, [service]))).toEqual(expected);
  });
});

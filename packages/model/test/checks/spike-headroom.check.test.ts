import { describe, expect, it } from "vitest";
import { SPIKE_FACTOR, spikeHeadroom } from "../../src/checks/spike-headroom.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceCheckContext, ServiceSpec } from "../../src/index.ts";
import { cartSpec, checkoutSpec, contextIn, ledgerSpec, resolvedEnvironment } from "../fixtures.ts";

const PROD = contextIn(resolvedEnvironment("prod"));
const PROD_DR = contextIn(resolvedEnvironment("prod", "dr"));
const STAGING = contextIn(resolvedEnvironment("staging"));
const DEV = contextIn(resolvedEnvironment("dev"));
const scaling = (minReplicas: number, maxReplicas: number, belowTenfoldReason?: string): ServiceSpec =>
  checkoutSpec({ autoscaling: { minReplicas, maxReplicas, ...(belowTenfoldReason === undefined ? {} : { belowTenfoldReason }) } });
const short = (max: number, needed: number): FieldProblem[] => [
  {
    path: "autoscaling.maxReplicas",
    message: `${max} is less than 10 × minReplicas (${needed}): raise it, or say why in autoscaling.belowTenfoldReason`,
  },
];

describe("service/spike-headroom", () => {
  it("asks for ten times the minimum", () => {
    expect(SPIKE_FACTOR).toBe(10);
  });

  it.each<[string, ServiceSpec, ServiceCheckContext, FieldProblem[]]>([
    ["exactly ten times in prod", scaling(2, 20), PROD, []],
    ["more than ten times in prod", scaling(1, 50), PROD, []],
    ["less, with a reason, in prod", scaling(3, 6, "the database allows 6 × 20 connections"), PROD, []],
    ["less in staging", scaling(2, 3), STAGING, []],
    ["less in dev", scaling(2, 3), DEV, []],
    ["a fixed replica count in prod", ledgerSpec(), PROD, []],
    ["no scaling in prod", cartSpec(), PROD, []],
    ["both replicas and autoscaling (service/scaling-choice reports it)", checkoutSpec({ replicas: 2, autoscaling: { minReplicas: 2, maxReplicas: 3 } }), PROD, []],
    ["one short in prod", scaling(2, 19), PROD, short(19, 20)],
    ["min = max in prod", scaling(3, 3), PROD, short(3, 30)],
    ["less in the prod DR cluster", scaling(1, 5), PROD_DR, short(5, 10)],
    ["less, with an empty reason", scaling(2, 4, ""), PROD, short(4, 20)],
    ["less, with a blank reason", scaling(2, 4, "  \t"), PROD, short(4, 20)],
  ])("%s", (_, spec, context, problems) => {
    expect(spikeHeadroom.check(spec, context)).toEqual(problems);
  });
});

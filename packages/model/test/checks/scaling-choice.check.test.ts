import { describe, expect, it } from "vitest";
import { scalingChoice } from "../../src/checks/scaling-choice.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceSpec } from "../../src/index.ts";
import { CONTEXT, cartSpec, checkoutSpec } from "../fixtures.ts";

describe("service/scaling-choice", () => {
  it.each<[string, ServiceSpec, FieldProblem[]]>([
    ["autoscaling", checkoutSpec(), []],
    ["autoscaling with min = max", checkoutSpec({ autoscaling: { minReplicas: 3, maxReplicas: 3 } }), []],
    ["autoscaling from 1", checkoutSpec({ autoscaling: { minReplicas: 1, maxReplicas: 100 } }), []],
    ["a fixed replica count", checkoutSpec({ autoscaling: undefined, replicas: 4 }), []],
    ["zero replicas", checkoutSpec({ autoscaling: undefined, replicas: 0 }), []],
    ["neither (stage defaults)", cartSpec(), []],
    ["both", checkoutSpec({ replicas: 4 }), [{ path: "replicas", message: "set replicas or autoscaling, not both" }]],
    [
      "both, even when autoscaling is also wrong",
      checkoutSpec({ replicas: 4, autoscaling: { minReplicas: 5, maxReplicas: 1 } }),
      [{ path: "replicas", message: "set replicas or autoscaling, not both" }],
    ],
    [
      "autoscaling from 0",
      checkoutSpec({ autoscaling: { minReplicas: 0, maxReplicas: 3 } }),
      [{ path: "autoscaling.minReplicas", message: "must be >= 1, got 0" }],
    ],
    [
      "min above max",
      checkoutSpec({ autoscaling: { minReplicas: 5, maxReplicas: 3 } }),
      [{ path: "autoscaling.minReplicas", message: "5 is more than maxReplicas 3" }],
    ],
    [
      "max of 0",
      checkoutSpec({ autoscaling: { minReplicas: 0, maxReplicas: 0 } }),
      [{ path: "autoscaling.minReplicas", message: "must be >= 1, got 0" }],
    ],
  ])("%s", (_, spec, problems) => {
    expect(scalingChoice.check(spec, CONTEXT)).toEqual(problems);
  });
});

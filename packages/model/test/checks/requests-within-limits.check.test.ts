import { describe, expect, it } from "vitest";
import { requestsWithinLimits } from "../../src/checks/requests-within-limits.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { Resources } from "../../src/index.ts";
import { CONTEXT, cartSpec, checkoutSpec } from "../fixtures.ts";

const resources = (requestsCpu: string, limitsCpu: string, requestsMemory = "128Mi", limitsMemory = "512Mi"): Resources => ({
  requests: { cpu: requestsCpu, memory: requestsMemory },
  limits: { cpu: limitsCpu, memory: limitsMemory },
});

describe("service/requests-within-limits", () => {
  it("accepts the fixture's resources", () => {
    expect(requestsWithinLimits.check(checkoutSpec(), CONTEXT)).toEqual([]);
  });

  it("accepts a service without resources (the stage defaults are checked by resolvePlatform)", () => {
    expect(requestsWithinLimits.check(cartSpec(), CONTEXT)).toEqual([]);
  });

  it.each<[string, Resources, FieldProblem[]]>([
    ["requests equal to limits", resources("500m", "500m", "1Gi", "1Gi"), []],
    ["equal CPU in cores and millicores", resources("500m", "0.5"), []],
    ["equal CPU that does not add up in binary floating point", resources("9m", "0.009"), []],
    ["equal CPU in an exponent", resources("1500m", "1.5e0"), []],
    ["equal memory in binary and plain bytes", resources("100m", "1", "1Gi", "1073741824"), []],
    ["equal memory in Gi and Mi", resources("100m", "1", "0.5Gi", "512Mi"), []],
    ["equal memory in k and plain bytes", resources("100m", "1", "1.1k", "1100"), []],
    ["a decimal mega below a binary mebi", resources("100m", "1", "1M", "1Mi"), []],
    [
      "more CPU requested than the limit",
      resources("1", "500m"),
      [{ path: "resources.requests.cpu", message: '"1" is more than the limit "500m"' }],
    ],
    [
      "one millicore over",
      resources("501m", "0.5"),
      [{ path: "resources.requests.cpu", message: '"501m" is more than the limit "0.5"' }],
    ],
    [
      "more memory requested than the limit",
      resources("100m", "1", "1Gi", "512Mi"),
      [{ path: "resources.requests.memory", message: '"1Gi" is more than the limit "512Mi"' }],
    ],
    [
      "a binary mebi over a decimal mega",
      resources("100m", "1", "1Mi", "1M"),
      [{ path: "resources.requests.memory", message: '"1Mi" is more than the limit "1M"' }],
    ],
    [
      "an exa request over a smaller exbi limit",
      resources("100m", "1", "2E", "1Ei"),
      [{ path: "resources.requests.memory", message: '"2E" is more than the limit "1Ei"' }],
    ],
    [
      "both over, CPU first",
      resources("2", "1", "2Gi", "1Gi"),
      [
        { path: "resources.requests.cpu", message: '"2" is more than the limit "1"' },
        { path: "resources.requests.memory", message: '"2Gi" is more than the limit "1Gi"' },
      ],
    ],
  ])("%s", (_, resources, problems) => {
    expect(requestsWithinLimits.check(checkoutSpec({ resources }), CONTEXT)).toEqual(problems);
  });
});

import { describe, expect, it } from "vitest";
import { dataResidency } from "../../src/checks/data-residency.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import { resolveEnvironment, type ServiceSpec } from "../../src/index.ts";
import { checkoutSpec, contextIn, environmentSpec, sourcedEnvironment } from "../fixtures.ts";

/** The fixture's environments by name; each cluster's region is the part of the name after the stage. */
const ENVIRONMENTS = {
  "prod-us-west-2": resolveEnvironment(sourcedEnvironment(environmentSpec("prod-us-west-2", "prod", "primary"))),
  "prod-us-east-1": resolveEnvironment(sourcedEnvironment(environmentSpec("prod-us-east-1", "prod", "dr"))),
  "dev-eu-west-1": resolveEnvironment(sourcedEnvironment(environmentSpec("dev-eu-west-1", "dev"))),
};

type EnvironmentName = keyof typeof ENVIRONMENTS;

const outside = (allowed: string, environment: string, region: string): FieldProblem[] => [
  {
    path: "allowedRegions",
    message: `the service may only run in ${allowed}, but ${environment} is in ${region}: disable it there with an override`,
  },
];

describe("service/data-residency", () => {
  it("knows the regions of the fixture's clusters", () => {
    expect(Object.values(ENVIRONMENTS).map((e) => [e.name, e.cluster.region])).toEqual([
      ["prod-us-west-2", "us-west-2"],
      ["prod-us-east-1", "us-east-1"],
      ["dev-eu-west-1", "eu-west-1"],
    ]);
  });

  it.each<[string, ServiceSpec, EnvironmentName, FieldProblem[]]>([
    ["no allowedRegions: any region", checkoutSpec(), "prod-us-east-1", []],
    ["no allowedRegions, in another stage", checkoutSpec(), "dev-eu-west-1", []],
    ["in its only allowed region", checkoutSpec({ allowedRegions: ["us-west-2"] }), "prod-us-west-2", []],
    ["in one of its allowed regions", checkoutSpec({ allowedRegions: ["us-east-1", "us-west-2"] }), "prod-us-east-1", []],
    ["in one of its allowed regions, in dev", checkoutSpec({ allowedRegions: ["eu-west-1"] }), "dev-eu-west-1", []],
    [
      "outside its only allowed region (the DR cluster)",
      checkoutSpec({ allowedRegions: ["us-west-2"] }),
      "prod-us-east-1",
      outside("us-west-2", "prod-us-east-1", "us-east-1"),
    ],
    [
      "outside its only allowed region (the primary cluster)",
      checkoutSpec({ allowedRegions: ["us-east-1"] }),
      "prod-us-west-2",
      outside("us-east-1", "prod-us-west-2", "us-west-2"),
    ],
    [
      "outside several allowed regions: listed as declared",
      checkoutSpec({ allowedRegions: ["eu-west-1", "eu-central-1"] }),
      "prod-us-east-1",
      outside("eu-west-1, eu-central-1", "prod-us-east-1", "us-east-1"),
    ],
    [
      "a region is matched exactly, not by prefix",
      checkoutSpec({ allowedRegions: ["us-west"] }),
      "prod-us-west-2",
      outside("us-west", "prod-us-west-2", "us-west-2"),
    ],
  ])("%s", (_, spec, environment, problems) => {
    expect(dataResidency.check(spec, contextIn(ENVIRONMENTS[environment]))).toEqual(problems);
  });

  it("has its id and a description naming the field", () => {
    expect(dataResidency.id).toBe("service/data-residency");
    expect(dataResidency.description).toContain("`allowedRegions`");
  });
});

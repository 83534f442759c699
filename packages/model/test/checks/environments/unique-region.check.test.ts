import { describe, expect, it } from "vitest";
import type { CheckedEnvironment } from "../../../src/checks/environments/index.ts";
import { uniqueRegion } from "../../../src/checks/environments/unique-region.check.ts";
import type { SpecError } from "../../../src/index.ts";
import { checked, contextOf, file } from "./environments-fixtures.ts";

const WHY = "each region hosts at most one cluster of a stage (a failover moves the traffic to another region)";
const region = (environment: string, message: string): SpecError => ({ file: file(environment), kind: "environment", subject: environment, path: "cluster.region", message });
const named = (environment: string) => `${environment} (${file(environment)})`;

describe("environments/unique-region", () => {
  it.each<[string, CheckedEnvironment[], SpecError[]]>([
    ["a primary and a DR cluster in two regions", [checked("prod-us-west-2"), checked("prod-us-east-1", "dr")], []],
    ["one region in every stage (dev, staging and prod in us-west-2)", [checked("dev-us-west-2"), checked("staging-us-west-2"), checked("prod-us-west-2")], []],
    [
      "the DR cluster in the primary's region: both files",
      [checked("prod-us-west-2"), checked("prod-us-east-1", "dr", { region: "us-west-2" })],
      [
        region("prod-us-west-2", `"us-west-2" is also the region of ${named("prod-us-east-1")}: ${WHY}`),
        region("prod-us-east-1", `"us-west-2" is also the region of ${named("prod-us-west-2")}: ${WHY}`),
      ],
    ],
    [
      "three clusters, two of them in one region: only those two",
      [checked("prod-us-west-2"), checked("prod-us-east-1", "dr"), checked("prod-eu-west-1", "dr", { region: "us-east-1" })],
      [
        region("prod-us-east-1", `"us-east-1" is also the region of ${named("prod-eu-west-1")}: ${WHY}`),
        region("prod-eu-west-1", `"us-east-1" is also the region of ${named("prod-us-east-1")}: ${WHY}`),
      ],
    ],
  ])("%s", (_, environments, expected) => {
    expect(uniqueRegion.check(contextOf(environments))).toEqual(expected);
  });
});

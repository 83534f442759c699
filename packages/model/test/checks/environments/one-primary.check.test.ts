import { describe, expect, it } from "vitest";
import { onePrimary } from "../../../src/checks/environments/one-primary.check.ts";
import type { CheckedEnvironment } from "../../../src/checks/environments/index.ts";
import type { SpecError } from "../../../src/index.ts";
import { checked, contextOf, file } from "./environments-fixtures.ts";

const ONE = `exactly one cluster of a stage is "primary", the others "dr" (active-active is not supported: docs/multi-cluster.md)`;
const role = (environment: string, message: string): SpecError => ({
  file: file(environment),
  kind: "environment",
  subject: environment,
  path: "cluster.role",
  message,
});
const named = (environment: string) => `${environment} (${file(environment)})`;

describe("environments/one-primary", () => {
  it.each<[string, CheckedEnvironment[], SpecError[]]>([
    ["the sample's shape: dev, staging, a prod primary and its DR", [checked("dev-us-west-2"), checked("staging-us-west-2"), checked("prod-us-west-2"), checked("prod-us-east-1", "dr")], []],
    ["the roles flipped", [checked("prod-us-west-2", "dr"), checked("prod-us-east-1")], []],
    ["a primary and two DR clusters", [checked("prod-us-west-2"), checked("prod-us-east-1", "dr"), checked("prod-eu-west-1", "dr")], []],
    ["one cluster per stage, role left to its default", [checked("dev-us-west-2", undefined), checked("prod-us-west-2", undefined)], []],
    ["no environments", [], []],
    [
      "two primaries in prod: both files, each naming the other",
      [checked("prod-us-west-2"), checked("prod-us-east-1")],
      [
        role("prod-us-west-2", `stage prod has 2 primaries: this one and ${named("prod-us-east-1")}; ${ONE}`),
        role("prod-us-east-1", `stage prod has 2 primaries: this one and ${named("prod-us-west-2")}; ${ONE}`),
      ],
    ],
    [
      "three primaries, beside a valid staging",
      [checked("staging-us-west-2"), checked("prod-us-west-2"), checked("prod-us-east-1"), checked("prod-eu-west-1")],
      [
        role("prod-us-west-2", `stage prod has 3 primaries: this one, ${named("prod-us-east-1")} and ${named("prod-eu-west-1")}; ${ONE}`),
        role("prod-us-east-1", `stage prod has 3 primaries: this one, ${named("prod-us-west-2")} and ${named("prod-eu-west-1")}; ${ONE}`),
        role("prod-eu-west-1", `stage prod has 3 primaries: this one, ${named("prod-us-west-2")} and ${named("prod-us-east-1")}; ${ONE}`),
      ],
    ],
    [
      "two primaries and a DR: only the primaries",
      [checked("prod-us-west-2"), checked("prod-us-east-1"), checked("prod-eu-west-1", "dr")],
      [
        role("prod-us-west-2", `stage prod has 2 primaries: this one and ${named("prod-us-east-1")}; ${ONE}`),
        role("prod-us-east-1", `stage prod has 2 primaries: this one and ${named("prod-us-west-2")}; ${ONE}`),
      ],
    ],
    [
      "no primary in prod",
      [checked("prod-us-west-2", "dr"), checked("prod-us-east-1", "dr")],
      [
        role("prod-us-west-2", `stage prod has no primary: this one and ${named("prod-us-east-1")} are "dr"; ${ONE}`),
        role("prod-us-east-1", `stage prod has no primary: this one and ${named("prod-us-west-2")} are "dr"; ${ONE}`),
      ],
    ],
    [
      "a DR cluster whose primary is in another stage (a lone DR in staging)",
      [checked("staging-us-east-1", "dr"), checked("prod-us-west-2")],
      [role("staging-us-east-1", `"dr", but this is the only cluster of stage staging: a DR cluster stands by for the primary of its own stage; make it "primary"`)],
    ],
  ])("%s", (_, environments, expected) => {
    expect(onePrimary.check(contextOf(environments))).toEqual(expected);
  });
});

import { describe, expect, it } from "vitest";
import type { CheckedEnvironment } from "../../../src/checks/environments/index.ts";
import { uniqueCluster } from "../../../src/checks/environments/unique-cluster.check.ts";
import type { SpecError } from "../../../src/index.ts";
import { checked, contextOf, file } from "./environments-fixtures.ts";

const WHY = "each cluster hosts one environment (two would overwrite each other's objects)";
const cluster = (environment: string, message: string): SpecError => ({ file: file(environment), kind: "environment", subject: environment, path: "cluster.name", message });
const named = (environment: string) => `${environment} (${file(environment)})`;

describe("environments/unique-cluster", () => {
  it.each<[string, CheckedEnvironment[], SpecError[]]>([
    ["a cluster each", [checked("dev-us-west-2"), checked("prod-us-west-2"), checked("prod-us-east-1", "dr")], []],
    [
      "a copied DR file still naming the primary's cluster",
      [checked("prod-us-west-2"), checked("prod-us-east-1", "dr", { name: "prod-us-west-2" })],
      [
        cluster("prod-us-west-2", `"prod-us-west-2" is also the cluster of ${named("prod-us-east-1")}: ${WHY}`),
        cluster("prod-us-east-1", `"prod-us-west-2" is also the cluster of ${named("prod-us-west-2")}: ${WHY}`),
      ],
    ],
    [
      "two stages on one cluster",
      [checked("dev-us-west-2", "primary", { name: "shared" }), checked("staging-us-west-2", "primary", { name: "shared" })],
      [
        cluster("dev-us-west-2", `"shared" is also the cluster of ${named("staging-us-west-2")}: ${WHY}`),
        cluster("staging-us-west-2", `"shared" is also the cluster of ${named("dev-us-west-2")}: ${WHY}`),
      ],
    ],
  ])("%s", (_, environments, expected) => {
    expect(uniqueCluster.check(contextOf(environments))).toEqual(expected);
  });
});

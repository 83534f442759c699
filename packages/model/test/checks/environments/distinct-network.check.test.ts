import { describe, expect, it } from "vitest";
import { distinctNetwork } from "../../../src/checks/environments/distinct-network.check.ts";
import type { CheckedEnvironment } from "../../../src/checks/environments/index.ts";
import type { SpecError } from "../../../src/index.ts";
import { checked, contextOf, file } from "./environments-fixtures.ts";

const WHY = "the clusters of a stage are on distinct Istio networks (each reaches the others through its east-west gateway)";
const network = (environment: string, message: string): SpecError => ({ file: file(environment), kind: "environment", subject: environment, path: "cluster.network", message });
const named = (environment: string) => `${environment} (${file(environment)})`;

describe("environments/distinct-network", () => {
  it.each<[string, CheckedEnvironment[], SpecError[]]>([
    ["both networks defaulted from two regions", [checked("prod-us-west-2"), checked("prod-us-east-1", "dr")], []],
    ["both declared, distinct (the sample)", [checked("prod-us-west-2", "primary", { network: "network-us-west-2" }), checked("prod-us-east-1", "dr", { network: "network-us-east-1" })], []],
    ["one network in two stages", [checked("staging-us-west-2", "primary", { network: "shared" }), checked("prod-us-west-2", "primary", { network: "shared" })], []],
    // One region, both networks defaulted: environments/unique-region reports it, once.
    ["both defaulted in one region: left to unique-region", [checked("prod-us-west-2"), checked("prod-us-east-1", "dr", { region: "us-west-2" })], []],
    [
      "both declared the same",
      [checked("prod-us-west-2", "primary", { network: "mesh" }), checked("prod-us-east-1", "dr", { network: "mesh" })],
      [
        network("prod-us-west-2", `"mesh" is also the network of ${named("prod-us-east-1")}: ${WHY}`),
        network("prod-us-east-1", `"mesh" is also the network of ${named("prod-us-west-2")}: ${WHY}`),
      ],
    ],
    [
      "the DR cluster declaring the primary's default network",
      [checked("prod-us-west-2"), checked("prod-us-east-1", "dr", { network: "network-us-west-2" })],
      [
        network("prod-us-west-2", `"network-us-west-2" is also the network of ${named("prod-us-east-1")}: ${WHY}`),
        network("prod-us-east-1", `"network-us-west-2" is also the network of ${named("prod-us-west-2")}: ${WHY}`),
      ],
    ],
  ])("%s", (_, environments, expected) => {
    expect(distinctNetwork.check(contextOf(environments))).toEqual(expected);
  });
});

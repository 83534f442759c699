import { describe, expect, it } from "vitest";
import { versions } from "../../src/checks/versions.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { RoutingSpec, ServiceSpec, VersionSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec } from "../fixtures.ts";

const spec = (declared: VersionSpec[] | undefined, routing?: RoutingSpec): ServiceSpec =>
  checkoutSpec({ ...(declared === undefined ? {} : { versions: declared }), ...(routing === undefined ? {} : { routing }) });
const blueGreen = (live?: string): RoutingSpec => ({ strategy: "blue-green", ...(live === undefined ? {} : { live }) });

describe("service/versions", () => {
  it.each<[string, ServiceSpec, FieldProblem[]]>([
    ["no versions (one implicit v1)", spec(undefined), []],
    ["an empty list", spec([]), []],
    ["one version without a weight", spec([{ name: "v1" }]), []],
    ["one version with a weight (it gets everything anyway)", spec([{ name: "v1", weight: 40 }]), []],
    ["a canary, v1 90 / v2 10", spec([{ name: "v1", weight: 90 }, { name: "v2", weight: 10, image: { tag: "v1.5.0" } }]), []],
    ["three versions summing to 100", spec([{ name: "a", weight: 50 }, { name: "b", weight: 25 }, { name: "c", weight: 25 }]), []],
    ["a version with weight 0 next to one with 100", spec([{ name: "v1", weight: 100 }, { name: "v2", weight: 0 }]), []],
    ["weighted routing said explicitly", spec([{ name: "v1", weight: 90 }, { name: "v2", weight: 10 }], { strategy: "weighted" }), []],
    ["blue-green with the live version", spec([{ name: "blue" }, { name: "green" }], blueGreen("green")), []],
    [
      "a repeated version name",
      spec([{ name: "v1", weight: 50 }, { name: "v1", weight: 50 }]),
      [{ path: "versions[1].name", message: '"v1" is already used by versions[0]' }],
    ],
    [
      "a name repeated twice, pointing at the first",
      spec([{ name: "v1", weight: 40 }, { name: "v2", weight: 20 }, { name: "v1", weight: 20 }, { name: "v1", weight: 20 }]),
      [
        { path: "versions[2].name", message: '"v1" is already used by versions[0]' },
        { path: "versions[3].name", message: '"v1" is already used by versions[0]' },
      ],
    ],
    [
      "a missing weight among several versions (no sum reported)",
      spec([{ name: "v1", weight: 90 }, { name: "v2" }]),
      [{ path: "versions[1].weight", message: "is required when several versions share the traffic" }],
    ],
    [
      "every weight missing",
      spec([{ name: "v1" }, { name: "v2" }]),
      [
        { path: "versions[0].weight", message: "is required when several versions share the traffic" },
        { path: "versions[1].weight", message: "is required when several versions share the traffic" },
      ],
    ],
    [
      "weights summing to less than 100",
      spec([{ name: "v1", weight: 90 }, { name: "v2", weight: 5 }]),
      [{ path: "versions", message: "weights sum to 95, not 100 (v1 90, v2 5)" }],
    ],
    [
      "weights summing to more than 100",
      spec([{ name: "v1", weight: 90 }, { name: "v2", weight: 20 }, { name: "v3", weight: 1 }]),
      [{ path: "versions", message: "weights sum to 111, not 100 (v1 90, v2 20, v3 1)" }],
    ],
    [
      "routing.live with weighted routing",
      spec([{ name: "v1", weight: 90 }, { name: "v2", weight: 10 }], { live: "v1" }),
      [{ path: "routing.live", message: 'is only used with strategy "blue-green"' }],
    ],
    [
      "blue-green with one version",
      spec([{ name: "blue" }], blueGreen("blue")),
      [{ path: "versions", message: "blue-green needs exactly two versions, found 1" }],
    ],
    [
      "blue-green with three versions",
      spec([{ name: "blue" }, { name: "green" }, { name: "red" }], blueGreen("blue")),
      [{ path: "versions", message: "blue-green needs exactly two versions, found 3" }],
    ],
    [
      "blue-green without versions, live naming the implicit v1",
      spec(undefined, blueGreen("v1")),
      [
        { path: "versions", message: "blue-green needs exactly two versions, found 0" },
        { path: "routing.live", message: '"v1" is not a declared version (declared: none)' },
      ],
    ],
    [
      "blue-green without routing.live",
      spec([{ name: "blue" }, { name: "green" }], blueGreen()),
      [{ path: "routing.live", message: 'is required with strategy "blue-green"' }],
    ],
    [
      "blue-green with an unknown live version",
      spec([{ name: "blue" }, { name: "green" }], blueGreen("purple")),
      [{ path: "routing.live", message: '"purple" is not a declared version (declared: blue, green)' }],
    ],
    [
      "blue-green with weights",
      spec([{ name: "blue", weight: 100 }, { name: "green", weight: 0 }], blueGreen("blue")),
      [
        { path: "versions[0].weight", message: 'is not used with strategy "blue-green": routing.live decides' },
        { path: "versions[1].weight", message: 'is not used with strategy "blue-green": routing.live decides' },
      ],
    ],
    [
      "blue-green with a repeated name",
      spec([{ name: "blue" }, { name: "blue" }], blueGreen("blue")),
      [{ path: "versions[1].name", message: '"blue" is already used by versions[0]' }],
    ],
  ])("%s", (_, service, problems) => {
    expect(versions.check(service, CONTEXT)).toEqual(problems);
  });
});

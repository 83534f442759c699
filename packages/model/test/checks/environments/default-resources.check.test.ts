import { describe, expect, it } from "vitest";
import type { CheckedEnvironment } from "../../../src/checks/environments/index.ts";
import { defaultResources } from "../../../src/checks/environments/default-resources.check.ts";
import type { Resources, SpecError } from "../../../src/index.ts";
import { checked, contextOf, file } from "./environments-fixtures.ts";

const ENV = "staging-us-west-2";
const amounts = (requests: [string, string], limits: [string, string]): Resources => ({
  requests: { cpu: requests[0], memory: requests[1] },
  limits: { cpu: limits[0], memory: limits[1] },
});
const withDefaults = (resources?: Resources, sidecarResources?: Resources): CheckedEnvironment =>
  checked(ENV, "primary", {}, { defaults: { ...(resources === undefined ? {} : { resources }), ...(sidecarResources === undefined ? {} : { sidecarResources }) } });
const error = (path: string, message: string): SpecError => ({ file: file(ENV), kind: "environment", subject: ENV, path, message });

describe("environments/default-resources", () => {
  it.each<[string, CheckedEnvironment[], SpecError[]]>([
    ["no defaults of its own", [checked(ENV)], []],
    ["requests equal to limits in other notations", [withDefaults(amounts(["500m", "512Mi"], ["0.5", "0.5Gi"]), amounts(["100m", "128Mi"], ["100m", "134217728"]))], []],
    [
      "a default memory request above its limit (found by the spec fuzzer: 46 bytes over a 1-byte limit)",
      [withDefaults(amounts(["500m", "46"], ["1", "1"]))],
      [error("defaults.resources.requests.memory", '"46" is more than the limit "1"')],
    ],
    [
      "a sidecar above its limits in both",
      [withDefaults(undefined, amounts(["1", "2Gi"], ["500m", "1Gi"]))],
      [error("defaults.sidecarResources.requests.cpu", '"1" is more than the limit "500m"'), error("defaults.sidecarResources.requests.memory", '"2Gi" is more than the limit "1Gi"')],
    ],
  ])("%s", (_, environments, expected) => {
    expect(defaultResources.check(contextOf(environments))).toEqual(expected);
  });
});

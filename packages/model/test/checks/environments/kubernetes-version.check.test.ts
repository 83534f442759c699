import { describe, expect, it } from "vitest";
import type { CheckedEnvironment } from "../../../src/checks/environments/index.ts";
import { kubernetesVersion } from "../../../src/checks/environments/kubernetes-version.check.ts";
import type { SpecError } from "../../../src/index.ts";
import { checked, contextOf, file } from "./environments-fixtures.ts";

const ENV = "staging-us-west-2";
const at = (kubernetes: string): CheckedEnvironment => checked(ENV, "primary", {}, { versions: { kubernetes } });
const tooOld = (version: string): SpecError => ({
  file: file(ENV),
  kind: "environment",
  subject: ENV,
  path: "versions.kubernetes",
  message: `"${version}" is older than Kubernetes 1.23, the oldest that serves every API version the platform renders (autoscaling/v2 HorizontalPodAutoscalers)`,
});

describe("environments/kubernetes-version", () => {
  it.each<[string, CheckedEnvironment[], SpecError[]]>([
    ["the default (1.28)", [checked(ENV)], []],
    ["1.23, the oldest served", [at("1.23")], []],
    ["a newer minor than the gate's catalogue names", [at("1.40")], []],
    ["1.22 (no autoscaling/v2)", [at("1.22")], [tooOld("1.22")]],
    ["1.9, which sorts after 1.28 as text (found by the spec fuzzer)", [at("1.9")], [tooOld("1.9")]],
    ["1.0", [at("1.0")], [tooOld("1.0")]],
  ])("%s", (_, environments, expected) => {
    expect(kubernetesVersion.check(contextOf(environments))).toEqual(expected);
  });
});

import { describe, expect, it } from "vitest";
import { fitsANode } from "../../src/checks/fits-a-node.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import { resolveEnvironment, type ClusterSpec, type Resources, type StageDefaultsSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec, contextIn, environmentSpec, sourcedEnvironment } from "../fixtures.ts";

// The fixture's prod environment runs m6i.xlarge nodes: 3.92 cores and 15.03Gi allocatable; its sidecar asks 100m / 128Mi.
const resources = (cpu: string, memory: string): Resources => ({ requests: { cpu, memory }, limits: { cpu, memory } });
const NEVER = "the pods would never be scheduled";

/** The context of prod-us-west-2 with `cluster` and `defaults` changes. */
function prodWith(cluster: Partial<ClusterSpec> = {}, defaults: StageDefaultsSpec = {}) {
  const spec = environmentSpec("prod-us-west-2", "prod");
  return contextIn(resolveEnvironment(sourcedEnvironment({ ...spec, cluster: { ...spec.cluster, ...cluster }, defaults })));
}

describe("service/fits-a-node", () => {
  it("accepts the fixture's service", () => {
    expect(fitsANode.check(checkoutSpec(), CONTEXT)).toEqual([]);
  });

  it.each<[string, Resources, ReturnType<typeof prodWith>, FieldProblem[]]>([
    ["a pod that fills a node exactly (3.82 + 0.1 cores)", resources("3820m", "1Gi"), CONTEXT, []],
    ["a pod just under a node's memory", resources("1", "14.9Gi"), CONTEXT, []],
    [
      "one millicore more than a node",
      resources("3821m", "1Gi"),
      CONTEXT,
      [{ path: "resources.requests.cpu", message: `"3821m" and the Istio sidecar's "100m" ask 3.921 cores per pod, more than a m6i.xlarge node of prod-us-west-2 can allocate (3.92 cores): ${NEVER}` }],
    ],
    [
      "memory beyond a node (16Gi on a 16 GiB machine: the kubelet's reservations come off)",
      resources("1", "16Gi"),
      CONTEXT,
      [{ path: "resources.requests.memory", message: `"16Gi" and the Istio sidecar's "128Mi" ask 16.13Gi per pod, more than a m6i.xlarge node of prod-us-west-2 can allocate (15.03Gi): ${NEVER}` }],
    ],
    [
      "both, on the smaller machine type the environment names",
      resources("2", "8Gi"),
      prodWith({ instanceType: "m6i.large" }),
      [
        { path: "resources.requests.cpu", message: `"2" and the Istio sidecar's "100m" ask 2.1 cores per pod, more than a m6i.large node of prod-us-west-2 can allocate (1.93 cores): ${NEVER}` },
        { path: "resources.requests.memory", message: `"8Gi" and the Istio sidecar's "128Mi" ask 8.13Gi per pod, more than a m6i.large node of prod-us-west-2 can allocate (7.34Gi): ${NEVER}` },
      ],
    ],
    ["the same pod on the larger machine type", resources("2", "8Gi"), prodWith({ instanceType: "m6i.2xlarge" }), []],
    [
      "a sidecar the environment sizes beyond a node (found by the spec fuzzer: 64Mi read as cores)",
      resources("100m", "128Mi"),
      prodWith({}, { sidecarResources: { requests: { cpu: "64Mi", memory: "128Mi" }, limits: { cpu: "64Mi", memory: "256Mi" } } }),
      [{ path: "resources.requests.cpu", message: `"100m" and the Istio sidecar's "64Mi" ask 67108864.1 cores per pod, more than a m6i.xlarge node of prod-us-west-2 can allocate (3.92 cores): ${NEVER}` }],
    ],
  ])("%s", (_, resources, context, expected) => {
    expect(fitsANode.check(checkoutSpec({ resources }), context)).toEqual(expected);
  });
});

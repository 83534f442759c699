import type { ResolvedEnvironment } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { buildDestinationRule, localityFailover } from "../../src/index.ts";
import { modelOf } from "../fixtures.ts";

const OUTLIER_DETECTION = { consecutive5xxErrors: 5, interval: "10s", baseEjectionTime: "30s", maxEjectionPercent: 50 };
const PROD_FAILOVER = [
  { from: "us-east-1", to: "us-west-2" },
  { from: "us-west-2", to: "us-east-1" },
];

/** Every service's DestinationRule traffic policy in one environment of the fixture, by service name. */
function policies(environment: string) {
  const model = modelOf(environment);
  return Object.fromEntries(model.services.map((s) => [s.name, buildDestinationRule(s, model.environment).spec!.trafficPolicy!]));
}

describe("locality failover", () => {
  it.each(["prod-us-west-2", "prod-us-east-1"])("%s: every DestinationRule fails over between the two prod regions, with outlier detection", (environment) => {
    const byService = policies(environment);
    expect(Object.keys(byService)).toEqual(["cache", "checkout", "web"]);
    for (const [name, policy] of Object.entries(byService)) {
      expect(policy.loadBalancer, name).toEqual({ simple: "LEAST_REQUEST", localityLbSetting: { enabled: true, failover: PROD_FAILOVER } });
      // Istio ignores locality failover without outlier detection.
      expect(policy.outlierDetection, name).toEqual(OUTLIER_DETECTION);
    }
  });

  it.each(["dev", "staging"])("%s (one cluster): locality load balancing without failover", (environment) => {
    for (const [name, policy] of Object.entries(policies(environment))) {
      expect(policy.loadBalancer, name).toEqual({ simple: "LEAST_REQUEST", localityLbSetting: { enabled: true } });
    }
  });

  it("is the same list in both prod clusters, so a failover changes no DestinationRule", () => {
    expect(localityFailover(modelOf("prod-us-west-2").environment)).toEqual(PROD_FAILOVER);
    expect(localityFailover(modelOf("prod-us-east-1").environment)).toEqual(PROD_FAILOVER);
  });

  it("is empty without an environment or peers", () => {
    expect(localityFailover(undefined)).toEqual([]);
    expect(localityFailover(modelOf("dev").environment)).toEqual([]);
  });

  it("pairs every region with every other, sorted, for more than two clusters", () => {
    const environment: ResolvedEnvironment = {
      ...modelOf("prod-us-west-2").environment,
      peers: [
        { name: "prod-us-east-1", region: "us-east-1", role: "dr", network: "network-us-east-1" },
        { name: "prod-eu-west-1", region: "eu-west-1", role: "dr", network: "network-eu-west-1" },
      ],
    };
    expect(localityFailover(environment)).toEqual([
      { from: "eu-west-1", to: "us-east-1" },
      { from: "eu-west-1", to: "us-west-2" },
      { from: "us-east-1", to: "eu-west-1" },
      { from: "us-east-1", to: "us-west-2" },
      { from: "us-west-2", to: "eu-west-1" },
      { from: "us-west-2", to: "us-east-1" },
    ]);
  });

  it("lists a region once when two clusters share it", () => {
    const environment: ResolvedEnvironment = {
      ...modelOf("prod-us-west-2").environment,
      peers: [{ name: "prod-us-west-2-b", region: "us-west-2", role: "dr", network: "network-b" }],
    };
    expect(localityFailover(environment)).toEqual([]);
  });
});

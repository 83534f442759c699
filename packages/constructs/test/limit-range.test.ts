import { describe, expect, it } from "vitest";
import { buildLimitRange, tenantLabels, validationMessages } from "../src/index.ts";
import { fixtureEnvironments, fixturePlatform, modelOf, sourcedEnvironment } from "./fixtures.ts";

const limitsIn = (environment: string) => {
  const model = modelOf(environment);
  return buildLimitRange(model.tenants[0]!, model.environment);
};

describe("buildLimitRange", () => {
  it("is a v1 LimitRange <tenant>-limits giving undeclared containers the stage's requests and limits", () => {
    const model = modelOf("prod-us-west-2");
    const shop = model.tenants.find((t) => t.name === "shop")!;
    const range = buildLimitRange(shop, model.environment);
    expect(range.toJSON()).toEqual({
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: { name: "shop-limits", namespace: "shop", labels: tenantLabels(shop) },
      spec: {
        limits: [{ type: "Container", defaultRequest: { cpu: "250m", memory: "256Mi" }, default: { cpu: "1", memory: "1Gi" } }],
      },
    });
    expect(validationMessages(range)).toEqual([]);
  });

  it("follows the stage: dev and staging are smaller", () => {
    expect(limitsIn("dev").spec!.limits[0]).toEqual({ type: "Container", defaultRequest: { cpu: "50m", memory: "64Mi" }, default: { cpu: "200m", memory: "256Mi" } });
    expect(limitsIn("staging").spec!.limits[0]).toEqual({
      type: "Container",
      defaultRequest: { cpu: "100m", memory: "128Mi" },
      default: { cpu: "500m", memory: "512Mi" },
    });
  });

  it("follows the environment's own resource defaults", () => {
    const [dev, ...rest] = fixtureEnvironments();
    const resources = { requests: { cpu: "10m", memory: "32Mi" }, limits: { cpu: "100m", memory: "128Mi" } };
    const model = modelOf("dev", fixturePlatform({ environments: [sourcedEnvironment({ ...dev!.spec, defaults: { resources } }), ...rest] }));
    expect(buildLimitRange(model.tenants[0]!, model.environment).spec!.limits[0]).toEqual({
      type: "Container",
      defaultRequest: { cpu: "10m", memory: "32Mi" },
      default: { cpu: "100m", memory: "128Mi" },
    });
  });
});

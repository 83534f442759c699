import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import eksctlSchema from "../../src/cluster-definition/schemas/eksctl-cluster-config.schema.json" with { type: "json" };
import nodePoolSchema from "../../src/cluster-definition/schemas/config-connector-container-node-pool.schema.json" with { type: "json" };
import { INSTANCE_TYPES, instanceTypesOf } from "../../src/index.ts";

const specSchema = JSON.parse(readFileSync(fileURLToPath(new URL("../../../model/src/generated/spec.schema.json", import.meta.url)), "utf8")) as {
  definitions: Record<string, { enum?: string[] }>;
};

describe("INSTANCE_TYPES", () => {
  it("knows exactly the machine types a spec may name (the InstanceType union of the spec schema)", () => {
    expect(Object.keys(INSTANCE_TYPES).sort()).toEqual([...specSchema.definitions.InstanceType!.enum!].sort());
  });

  it("is what the eksctl and node pool schemas accept, per provider", () => {
    expect(eksctlSchema.properties.managedNodeGroups.items.properties.instanceType.enum).toEqual(instanceTypesOf("eks"));
    expect(nodePoolSchema.properties.spec.properties.nodeConfig.properties.machineType.enum).toEqual(instanceTypesOf("gke"));
  });

  it("uses the provider's pod limit: the VPC CNI's on EKS, 110 on GKE", () => {
    for (const [type, info] of Object.entries(INSTANCE_TYPES)) {
      if (info.provider === "gke") expect(info.maxPods, type).toBe(110);
      else expect(info.maxPods, type).toBeLessThanOrEqual(234);
    }
    expect(INSTANCE_TYPES["m6i.xlarge"]).toEqual({ provider: "eks", vcpus: 4, memoryGiB: 16, maxPods: 58 });
  });
});

import { describe, expect, it } from "vitest";
import { MAX_NODES_PER_GROUP, splitNodeGroups } from "../../src/cluster-definition/eksctl-cluster-config.ts";

describe("splitNodeGroups", () => {
  it("keeps one `workers` group while it fits EKS's 450 nodes", () => {
    expect(MAX_NODES_PER_GROUP).toBe(450);
    expect(splitNodeGroups({ minSize: 3, maxSize: 450 })).toEqual([{ name: "workers", minSize: 3, maxSize: 450 }]);
  });

  it("splits a larger environment into equal groups, each within the limit, covering the whole range", () => {
    const groups = splitNodeGroups({ minSize: 10, maxSize: 972 });
    expect(groups).toEqual([
      { name: "workers-1", minSize: 4, maxSize: 324 },
      { name: "workers-2", minSize: 4, maxSize: 324 },
      { name: "workers-3", minSize: 4, maxSize: 324 },
    ]);
    expect(groups.every((g) => g.maxSize <= MAX_NODES_PER_GROUP)).toBe(true);
    expect(groups.reduce((n, g) => n + g.maxSize, 0)).toBeGreaterThanOrEqual(972);
  });
});

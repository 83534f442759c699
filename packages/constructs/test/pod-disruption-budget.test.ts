import { describe, expect, it } from "vitest";
import { buildPodDisruptionBudget, serviceLabels, validationMessages } from "../src/index.ts";
import { cacheSpec, checkoutSpec, resolved, webSpec, workerSpec } from "./fixtures.ts";

describe("buildPodDisruptionBudget", () => {
  it("lets one pod at a time be evicted from a multi-replica workload, selecting that workload's pods", () => {
    const service = resolved(checkoutSpec());
    const budget = buildPodDisruptionBudget(service)!;
    expect(budget.toJSON()).toEqual({
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: "checkout", namespace: "shop", labels: { ...serviceLabels(service), version: "v1" } },
      spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "checkout", version: "v1" } } },
    });
    expect(validationMessages(budget)).toEqual([]);
  });

  it("never uses minAvailable, so it cannot block every eviction", () => {
    for (const spec of [checkoutSpec(), webSpec(), cacheSpec(), workerSpec()]) {
      const budget = buildPodDisruptionBudget(resolved(spec));
      expect(budget?.spec, spec.name).not.toHaveProperty("minAvailable");
      expect(budget?.spec?.maxUnavailable, spec.name).toBe(1);
    }
  });

  it("is undefined for a single-replica workload (fixed 1, or dev's one replica)", () => {
    expect(buildPodDisruptionBudget(resolved(webSpec({ replicas: 1 })))).toBeUndefined();
    expect(buildPodDisruptionBudget(resolved(workerSpec({ replicas: 0 })))).toBeUndefined();
    expect(buildPodDisruptionBudget(resolved(checkoutSpec(), "dev"))).toBeUndefined();
    expect(buildPodDisruptionBudget(resolved(cacheSpec(), "dev"))).toBeUndefined();
  });

  it("exists for a fixed count above one, a StatefulSet included", () => {
    expect(buildPodDisruptionBudget(resolved(webSpec({ replicas: 2 })))!.metadata!.name).toBe("web");
    expect(buildPodDisruptionBudget(resolved(cacheSpec()))!.spec!.selector!.matchLabels).toEqual({ "app.kubernetes.io/name": "cache", version: "v1" });
  });

  it("exists for an autoscaled workload that may grow past one pod, even from a minimum of one", () => {
    expect(buildPodDisruptionBudget(resolved(checkoutSpec({ autoscaling: { minReplicas: 1, maxReplicas: 20 } })))).toBeDefined();
    expect(buildPodDisruptionBudget(resolved(webSpec({ replicas: undefined, autoscaling: { minReplicas: 1, maxReplicas: 1, belowTenfoldReason: "a singleton" } })))).toBeUndefined();
  });

  it("is one per version, named and selecting like that version's workload", () => {
    const service = resolved(checkoutSpec({ versions: [{ name: "v1", weight: 90 }, { name: "v2", weight: 10 }] }));
    const budgets = service.versions.map((v) => buildPodDisruptionBudget(service, v)!);
    expect(budgets.map((b) => [b.metadata!.name, b.metadata!.labels!.version, b.spec!.selector!.matchLabels])).toEqual([
      ["checkout-v1", "v1", { "app.kubernetes.io/name": "checkout", version: "v1" }],
      ["checkout-v2", "v2", { "app.kubernetes.io/name": "checkout", version: "v2" }],
    ]);
  });
});

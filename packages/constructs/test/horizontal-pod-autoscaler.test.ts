import { describe, expect, it } from "vitest";
import { buildHorizontalPodAutoscaler, serviceLabels, validationMessages } from "../src/index.ts";
import { cacheSpec, checkoutSpec, resolved, webSpec, workerSpec } from "./fixtures.ts";

function cpu(percent: number) {
  return { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: percent } } };
}

function memory(percent: number) {
  return { type: "Resource", resource: { name: "memory", target: { type: "Utilization", averageUtilization: percent } } };
}

describe("buildHorizontalPodAutoscaler", () => {
  it("is an autoscaling/v2 HPA on the service's Deployment", () => {
    const checkout = resolved(checkoutSpec());
    const hpa = buildHorizontalPodAutoscaler(checkout)!;
    expect(hpa.apiVersion).toBe("autoscaling/v2");
    expect(hpa.kind).toBe("HorizontalPodAutoscaler");
    expect(hpa.metadata).toEqual({ name: "checkout", namespace: "shop", labels: { ...serviceLabels(checkout), version: "v1" } });
    expect(hpa.spec!.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "checkout" });
  });

  it("scales prod over the full range, on CPU and memory", () => {
    const spec = buildHorizontalPodAutoscaler(resolved(checkoutSpec(), "prod-us-west-2"))!.spec!;
    expect(spec.minReplicas).toBe(3);
    expect(spec.maxReplicas).toBe(30);
    expect(spec.metrics).toEqual([cpu(60), memory(80)]);
  });

  it("caps staging's maxReplicas at 5", () => {
    const spec = buildHorizontalPodAutoscaler(resolved(checkoutSpec(), "staging"))!.spec!;
    expect(spec.minReplicas).toBe(3);
    expect(spec.maxReplicas).toBe(5);
  });

  it("takes the DR environment's override of minReplicas", () => {
    const spec = buildHorizontalPodAutoscaler(resolved(checkoutSpec(), "prod-us-east-1"))!.spec!;
    expect(spec.minReplicas).toBe(2);
    expect(spec.maxReplicas).toBe(30);
  });

  it("has only a CPU metric (70 % by default) when no memory target is set", () => {
    const spec = checkoutSpec({ autoscaling: { minReplicas: 2, maxReplicas: 20 } });
    expect(buildHorizontalPodAutoscaler(resolved(spec))!.spec!.metrics).toEqual([cpu(70)]);
  });

  it("scales each version's Deployment", () => {
    const service = resolved(checkoutSpec({ versions: [{ name: "blue" }, { name: "green" }], routing: { strategy: "blue-green", live: "blue" } }));
    const targets = service.versions.map((v) => buildHorizontalPodAutoscaler(service, v)!.spec!.scaleTargetRef.name);
    expect(targets).toEqual(["checkout-blue", "checkout-green"]);
  });

  it("is undefined for a fixed-size service", () => {
    expect(buildHorizontalPodAutoscaler(resolved(checkoutSpec(), "dev"))).toBeUndefined();
    expect(buildHorizontalPodAutoscaler(resolved(webSpec()))).toBeUndefined();
    expect(buildHorizontalPodAutoscaler(resolved(workerSpec()))).toBeUndefined();
    expect(buildHorizontalPodAutoscaler(resolved(cacheSpec()))).toBeUndefined();
  });

  it("builds HPAs that pass the model's validation", () => {
    for (const environment of ["staging", "prod-us-west-2", "prod-us-east-1"]) {
      expect(validationMessages(buildHorizontalPodAutoscaler(resolved(checkoutSpec(), environment))!), environment).toEqual([]);
    }
  });
});

import { describe, expect, it } from "vitest";
import { applyOverride, overriddenFields } from "../src/apply-override.ts";
import { cartSpec, checkoutSpec, ledgerSpec } from "./fixtures.ts";

describe("applyOverride", () => {
  it("returns the service itself without an override", () => {
    const service = checkoutSpec();
    expect(applyOverride(service, undefined)).toBe(service);
  });

  it("changes nothing for an empty override or one that only disables", () => {
    expect(applyOverride(checkoutSpec(), {})).toEqual(checkoutSpec());
    expect(applyOverride(checkoutSpec(), { disabled: true })).toEqual(checkoutSpec());
    expect(applyOverride(checkoutSpec(), { disabled: false })).toEqual(checkoutSpec());
  });

  it("does not change the service it is given", () => {
    const service = checkoutSpec();
    applyOverride(service, { image: { tag: "v2" }, replicas: 1, env: [{ name: "LOG_LEVEL", value: "debug" }], resources: { limits: { cpu: "2" } } });
    expect(service).toEqual(checkoutSpec());
  });

  describe("image", () => {
    it("replaces the tag and keeps the repository", () => {
      expect(applyOverride(checkoutSpec(), { image: { tag: "v1.5.0" } }).image).toEqual({ repository: "registry.example.com/shop/checkout", tag: "v1.5.0" });
    });

    it("adds a digest next to the tag", () => {
      const digest = `sha256:${"1".repeat(64)}`;
      expect(applyOverride(checkoutSpec(), { image: { digest } }).image).toEqual({ repository: "registry.example.com/shop/checkout", tag: "v1.4.0", digest });
    });

    it("replaces the repository and keeps the digest", () => {
      expect(applyOverride(ledgerSpec(), { image: { repository: "mirror.example.com/ledger" } }).image).toEqual({
        repository: "mirror.example.com/ledger",
        digest: `sha256:${"ab".repeat(32)}`,
      });
    });
  });

  describe("resources", () => {
    it("merges each side field by field", () => {
      expect(applyOverride(checkoutSpec(), { resources: { limits: { cpu: "2" } } }).resources).toEqual({
        requests: { cpu: "100m", memory: "128Mi" },
        limits: { cpu: "2", memory: "512Mi" },
      });
      expect(applyOverride(checkoutSpec(), { resources: { requests: { memory: "256Mi" }, limits: { memory: "1Gi" } } }).resources).toEqual({
        requests: { cpu: "100m", memory: "256Mi" },
        limits: { cpu: "500m", memory: "1Gi" },
      });
    });

    it("takes only what the override sets when the service has no resources (the schema then asks for the rest)", () => {
      expect(applyOverride(cartSpec(), { resources: { limits: { cpu: "1" } } }).resources).toEqual({ requests: {}, limits: { cpu: "1" } });
    });
  });

  describe("replicas and autoscaling", () => {
    it("replaces autoscaling with a fixed replica count", () => {
      const result = applyOverride(checkoutSpec(), { replicas: 1 });
      expect(result.replicas).toBe(1);
      expect("autoscaling" in result).toBe(false);
    });

    it("replaces a fixed replica count with autoscaling", () => {
      const result = applyOverride(ledgerSpec(), { autoscaling: { minReplicas: 2, maxReplicas: 6 } });
      expect(result.autoscaling).toEqual({ minReplicas: 2, maxReplicas: 6 });
      expect("replicas" in result).toBe(false);
    });

    it("merges autoscaling with the service's", () => {
      const service = checkoutSpec({ autoscaling: { minReplicas: 2, maxReplicas: 10, cpuTargetPercent: 60, belowTenfoldReason: "tests" } });
      expect(applyOverride(service, { autoscaling: { maxReplicas: 30 } }).autoscaling).toEqual({ minReplicas: 2, maxReplicas: 30, cpuTargetPercent: 60, belowTenfoldReason: "tests" });
    });

    it("replaces a fixed replica count with another", () => {
      expect(applyOverride(ledgerSpec(), { replicas: 5 }).replicas).toBe(5);
    });

    it("keeps both when the override sets both, so the result is refused like a service that sets both", () => {
      const result = applyOverride(ledgerSpec(), { replicas: 3, autoscaling: { minReplicas: 2, maxReplicas: 6 } });
      expect(result.replicas).toBe(3);
      expect(result.autoscaling).toEqual({ minReplicas: 2, maxReplicas: 6 });
    });

    it("keeps the service's scaling when the override sets neither", () => {
      const result = applyOverride(checkoutSpec(), { image: { tag: "v2" } });
      expect(result.autoscaling).toEqual({ minReplicas: 2, maxReplicas: 20 });
      expect("replicas" in result).toBe(false);
    });
  });

  describe("env", () => {
    it("replaces a variable by name, in place, and appends new ones in order", () => {
      const result = applyOverride(checkoutSpec(), {
        env: [
          { name: "FEATURE_X", value: "on" },
          { name: "LOG_LEVEL", value: "debug" },
          { name: "FEATURE_Y", fieldPath: "metadata.name" },
        ],
      });
      expect(result.env).toEqual([
        { name: "LOG_LEVEL", value: "debug" },
        { name: "DB_PASSWORD", secretKeyRef: { name: "checkout-db", key: "password" } },
        { name: "FEATURE_X", value: "on" },
        { name: "FEATURE_Y", fieldPath: "metadata.name" },
      ]);
    });

    it("replaces a variable's source entirely", () => {
      const result = applyOverride(checkoutSpec(), { env: [{ name: "DB_PASSWORD", value: "dev-only" }] });
      expect(result.env?.[1]).toEqual({ name: "DB_PASSWORD", value: "dev-only" });
    });

    it("starts from no variables when the service has none", () => {
      expect(applyOverride(ledgerSpec(), { env: [{ name: "A", value: "1" }] }).env).toEqual([{ name: "A", value: "1" }]);
    });

    it("keeps the service's variables for an empty list", () => {
      expect(applyOverride(checkoutSpec(), { env: [] }).env).toEqual(checkoutSpec().env);
    });
  });

  it("leaves every field the override does not name as the service has it", () => {
    const result = applyOverride(checkoutSpec(), { image: { tag: "v2" }, replicas: 2 });
    const { image: _image, autoscaling: _autoscaling, ...rest } = checkoutSpec();
    const { image: _i, replicas: _r, ...others } = result;
    expect(others).toEqual(rest);
  });
});

describe("overriddenFields", () => {
  it.each<[string, Parameters<typeof overriddenFields>[0], string[]]>([
    ["no override", undefined, []],
    ["only disabled", { disabled: true }, []],
    ["image and env", { image: { tag: "v2" }, env: [] }, ["image", "env"]],
    ["replicas, which also stands for autoscaling", { replicas: 1 }, ["replicas", "autoscaling"]],
    ["autoscaling, which also stands for replicas", { autoscaling: { maxReplicas: 3 } }, ["autoscaling", "replicas"]],
  ])("%s", (_, override, fields) => {
    expect([...overriddenFields(override)].sort()).toEqual([...fields].sort());
  });
});


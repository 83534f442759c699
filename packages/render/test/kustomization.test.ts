import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { KUSTOMIZATION_FILE, kustomizationYaml, synthesize } from "../src/index.ts";
import { ENVIRONMENTS, fixturePlatform } from "./fixtures.ts";

describe("kustomizationYaml", () => {
  it("lists the resources sorted, as a kustomize.config.k8s.io/v1beta1 Kustomization", () => {
    expect(kustomizationYaml(["shop/web/service-web.yaml", "shop/_tenant/namespace-shop.yaml", "a/b.yaml"])).toBe(
      [
        "apiVersion: kustomize.config.k8s.io/v1beta1",
        "kind: Kustomization",
        "resources:",
        "  - a/b.yaml",
        "  - shop/_tenant/namespace-shop.yaml",
        "  - shop/web/service-web.yaml",
        "",
      ].join("\n"),
    );
  });

  it("sorts by code unit, not by locale", () => {
    const text = kustomizationYaml(["b.yaml", "B.yaml", "_c.yaml", "a-b.yaml", "a.yaml"]);
    expect((parse(text) as { resources: string[] }).resources).toEqual(["B.yaml", "_c.yaml", "a-b.yaml", "a.yaml", "b.yaml"]);
  });

  it("does not depend on the order it is given, nor change its input", () => {
    const resources = ["z.yaml", "m.yaml", "a.yaml"];
    expect(kustomizationYaml(resources)).toBe(kustomizationYaml([...resources].reverse()));
    expect(resources).toEqual(["z.yaml", "m.yaml", "a.yaml"]);
  });

  it("writes an empty list for no resources", () => {
    expect(parse(kustomizationYaml([]))).toEqual({ apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", resources: [] });
  });

  it("is named kustomization.yaml", () => {
    expect(KUSTOMIZATION_FILE).toBe("kustomization.yaml");
  });
});

describe("each environment's kustomization", () => {
  const { files } = synthesize(fixturePlatform());

  it("lists every other file of its environment, relative to the environment's folder", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const environment of ENVIRONMENTS) {
      const own = files.filter((f) => f.path.startsWith(`${environment}/`)).map((f) => f.path.slice(environment.length + 1));
      const index = files.find((f) => f.path === `${environment}/${KUSTOMIZATION_FILE}`);
      expect(index, environment).toBeDefined();
      const listed = (parse(index!.content) as { resources: string[] }).resources;
      expect(listed).toEqual(own.filter((p) => p !== KUSTOMIZATION_FILE).sort());
      expect(listed).toContain("shop/checkout/deployment-checkout.yaml");
      expect(listed).toContain("shop/_tenant/namespace-shop.yaml");
    }
  });

  it("is the only kustomization of the environment", () => {
    expect(files.filter((f) => f.path.endsWith(`/${KUSTOMIZATION_FILE}`)).map((f) => f.path)).toEqual(
      [...ENVIRONMENTS].map((e) => `${e}/${KUSTOMIZATION_FILE}`).sort(),
    );
  });
});

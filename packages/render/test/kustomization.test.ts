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

  it("lists every desired-state file of its environment (tenants and _cluster, not the delivery objects), relative to its folder", () => {
    expect(files.length).toBeGreaterThan(0);
    for (const environment of ENVIRONMENTS) {
      const own = files.filter((f) => f.path.startsWith(`${environment}/`)).map((f) => f.path.slice(environment.length + 1));
      const index = files.find((f) => f.path === `${environment}/${KUSTOMIZATION_FILE}`);
      expect(index, environment).toBeDefined();
      const listed = (parse(index!.content) as { resources: string[] }).resources;
      const state = own.filter((p) => !p.endsWith(KUSTOMIZATION_FILE) && !/^_(argocd|flux|bootstrap|infra)\//.test(p)).sort();
      expect(listed).toEqual(state);
      expect(listed).toContain("shop/checkout/deployment-checkout.yaml");
      expect(listed).toContain("_cluster/namespace-shop.yaml");
      expect(listed.some((p) => p.startsWith("_argocd/") || p.startsWith("_bootstrap/") || p.startsWith("_infra/"))).toBe(false);
      // The cluster definition (and a DR cluster's restores) are applied by hand: in no kustomization at all.
      expect(own).toContain(environment === "dev" ? "_infra/clusterconfig-dev-us-west-2.yaml" : `_infra/clusterconfig-${environment.startsWith("prod") ? environment : `${environment}-us-west-2`}.yaml`);
      expect(own.some((p) => p.startsWith("_infra/") && p.endsWith(KUSTOMIZATION_FILE))).toBe(false);
    }
  });

  it("has one kustomization per synced folder, each listing exactly that folder's files", () => {
    for (const environment of ENVIRONMENTS) {
      const own = files.filter((f) => f.path.startsWith(`${environment}/`)).map((f) => f.path.slice(environment.length + 1));
      const nested = own.filter((p) => p.endsWith(`/${KUSTOMIZATION_FILE}`)).sort();
      expect(nested).toEqual(["_argocd/kustomization.yaml", "_cluster/kustomization.yaml", "shop/kustomization.yaml", "storefront/kustomization.yaml"].filter((p) => own.includes(p)));
      expect(nested).toContain("_cluster/kustomization.yaml");
      expect(nested).toContain("shop/kustomization.yaml");
      for (const path of nested) {
        const folder = path.slice(0, -KUSTOMIZATION_FILE.length - 1);
        const listed = (parse(files.find((f) => f.path === `${environment}/${path}`)!.content) as { resources: string[] }).resources;
        const inFolder = own.filter((p) => p.startsWith(`${folder}/`) && p !== path).map((p) => p.slice(folder.length + 1)).sort();
        expect(listed, `${environment}/${path}`).toEqual(inFolder);
      }
    }
  });
});

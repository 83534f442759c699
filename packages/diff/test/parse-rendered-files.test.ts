import { describe, expect, it } from "vitest";
import { parseRenderedFiles } from "../src/index.ts";

describe("parseRenderedFiles", () => {
  it("keys each object by environment (the first folder), apiVersion, kind, namespace and name; skips kustomizations", () => {
    const parsed = parseRenderedFiles([
      { path: "dev/shop/web/service-web.yaml", content: "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\nspec:\n  ports:\n    - port: 80\n" },
      { path: "dev/kustomization.yaml", content: "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - shop/web/service-web.yaml\n" },
      { path: "dev/_cluster/namespace-shop.yaml", content: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n" },
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.objects).toEqual([
      { key: { environment: "dev", apiVersion: "v1", kind: "Namespace", name: "shop" }, file: "dev/_cluster/namespace-shop.yaml", manifest: { apiVersion: "v1", kind: "Namespace", metadata: { name: "shop" } } },
      {
        key: { environment: "dev", apiVersion: "v1", kind: "Service", namespace: "shop", name: "web" },
        file: "dev/shop/web/service-web.yaml",
        manifest: { apiVersion: "v1", kind: "Service", metadata: { name: "web", namespace: "shop" }, spec: { ports: [{ port: 80 }] } },
      },
    ]);
  });

  it("reads YAML 1.1 as kubectl does: a plain `yes` is a boolean, a quoted scalar stays a string", () => {
    const parsed = parseRenderedFiles([{ path: "dev/a.yaml", content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndata:\n  "on": "on"\n  port: "8080"\n  plain: yes\n' }]);
    expect(parsed.objects[0]!.manifest.data).toEqual({ on: "on", port: "8080", plain: true });
  });

  it("reports files it cannot read as objects, and keeps the others", () => {
    const parsed = parseRenderedFiles([
      { path: "dev/bad.yaml", content: "a: [1\n" },
      { path: "dev/list.yaml", content: "- 1\n" },
      { path: "top.yaml", content: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n" },
      { path: "dev/one.yaml", content: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n" },
      { path: "dev/two.yaml", content: "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n" },
    ]);
    expect(parsed.problems.map((p) => `${p.file}: ${p.message.replace(/: .*$/, "")}`)).toEqual([
      "dev/bad.yaml: is not valid YAML",
      "dev/list.yaml: is not a Kubernetes object (apiVersion, kind and metadata.name are required)",
      "dev/two.yaml: holds the same object as dev/one.yaml",
      "top.yaml: is not inside an environment folder",
    ]);
    expect(parsed.objects.map((o) => o.file)).toEqual(["dev/one.yaml"]);
  });
});

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { kindCatalogText } from "../scripts/kind-catalog-generator.ts";
import { KindRegistry, KIND_CATALOG } from "../src/index.ts";

const registry = new KindRegistry();

function fieldsOf(apiVersion: string, kind: string, ...path: string[]): string[] {
  let ref = registry.find(apiVersion, kind)!.shape;
  for (const segment of path) {
    const shape = registry.shape(ref);
    if (shape === "s" || shape === "*") throw new Error(`${path.join(".")}: not an object`);
    ref = shape.f?.[segment] ?? shape.m!;
  }
  const shape = registry.shape(ref);
  return shape === "s" || shape === "*" ? [shape] : Object.keys(shape.f ?? {});
}

describe("the kind catalog", () => {
  it("is generated from the installed kubernetes-models declarations and up to date (npm run generate)", () => {
    const committed = readFileSync(new URL("../src/generated/kind-catalog.json", import.meta.url), "utf8");
    expect(committed === kindCatalogText()).toBe(true);
  }, 120_000);

  it("records the model packages at the versions the project pins (run-time ones as dependencies, declaration-only ones as devDependencies)", () => {
    const pinned = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const runtime = new Set(KIND_CATALOG.kinds.map((k) => k.module.replace(/^((?:@[^/]+\/)?[^/]+)\/.*$/, "$1")));
    for (const [name, version] of Object.entries(KIND_CATALOG.packages)) {
      const spec = runtime.has(name) ? pinned.dependencies[name] : pinned.devDependencies[name];
      // An alias (`npm:@kubernetes-models/istio@3.0.1`) pins the version after its last `@`.
      expect(spec?.replace(/^npm:.*@/, ""), name).toBe(version);
    }
  });

  it("takes Istio's fields from 3.0.1's declarations and validates with 2.3.0's classes, v1 kinds with the class of the version promoted", () => {
    expect(KIND_CATALOG.packages["@kubernetes-models/istio"]).toBe("2.3.0");
    expect(KIND_CATALOG.packages["@kubernetes-models/istio-3"]).toBe("3.0.1");
    expect(fieldsOf("networking.istio.io/v1beta1", "VirtualService", "spec", "http")).toContain("mirrors");
    expect(fieldsOf("security.istio.io/v1", "AuthorizationPolicy", "spec")).toEqual(expect.arrayContaining(["targetRef", "targetRefs"]));
    expect(registry.find("networking.istio.io/v1", "VirtualService")).toMatchObject({
      module: "@kubernetes-models/istio/networking.istio.io/v1beta1/VirtualService",
      modelApiVersion: "networking.istio.io/v1beta1",
    });
    expect(registry.find("telemetry.istio.io/v1", "Telemetry")?.modelApiVersion).toBe("telemetry.istio.io/v1alpha1");
    expect(registry.find("security.istio.io/v1", "AuthorizationPolicy")?.modelApiVersion).toBeUndefined();
    for (const kind of KIND_CATALOG.kinds) expect(kind.module, `${kind.apiVersion} ${kind.kind}`).not.toContain("istio-3");
  });

  it("knows the kinds of every family", () => {
    for (const [apiVersion, kind] of [
      ["apps/v1", "Deployment"],
      ["v1", "Service"],
      ["networking.istio.io/v1beta1", "VirtualService"],
      ["gateway.networking.k8s.io/v1", "HTTPRoute"],
      ["argoproj.io/v1alpha1", "Application"],
      ["kustomize.toolkit.fluxcd.io/v1", "Kustomization"],
      ["monitoring.coreos.com/v1", "ServiceMonitor"],
    ]) {
      expect(registry.find(apiVersion!, kind!), `${apiVersion} ${kind}`).toBeDefined();
    }
  });

  it("closes objects with properties and keeps maps, free-form objects and int-or-strings open", () => {
    expect(fieldsOf("apps/v1", "Deployment", "spec")).toEqual(["minReadySeconds", "paused", "progressDeadlineSeconds", "replicas", "revisionHistoryLimit", "selector", "strategy", "template"]);
    expect(fieldsOf("apps/v1", "Deployment", "spec", "template", "spec", "containers")).toContain("imagePullPolicy");
    expect(fieldsOf("v1", "ConfigMap", "data", "any-key")).toEqual(["s"]);
    expect(fieldsOf("apps/v1", "Deployment", "spec", "strategy", "rollingUpdate", "maxSurge")).toEqual(["s"]);
    expect(fieldsOf("helm.toolkit.fluxcd.io/v2beta1", "HelmRelease", "spec", "values")).toEqual(["*"]);
    expect(fieldsOf("argoproj.io/v1alpha1", "Application", "spec", "source", "helm", "valuesObject")).toEqual(["*"]);
    expect(fieldsOf("networking.istio.io/v1beta1", "VirtualService", "spec")).toEqual(["exportTo", "gateways", "hosts", "http", "tcp", "tls"]);
    expect(fieldsOf("security.istio.io/v1beta1", "AuthorizationPolicy", "spec", "rules")).toEqual(["from", "to", "when"]);
  });
});

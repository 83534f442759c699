import { ApiObject, App, Chart, JsonPatch, Lazy } from "cdk8s";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EnvironmentChart, KubeObject } from "../src/index.ts";
import { resolveModels } from "./fixtures.ts";

/** JSON text that keeps what JSON.stringify drops silently (undefined members and items), key order counting. */
function text(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item === undefined ? "<undefined>" : item));
}

/** cdk8s's own serialization of an object (resolvers, sanitizeValue, patches), as text. */
function cdk8sJson(object: ApiObject): string {
  return text(ApiObject.prototype.toJson.call(object));
}

/** What a serialization gives: its JSON text, or the error it throws. */
function outcome(serialize: () => unknown): string {
  try {
    return text(serialize());
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

/** A KubeObject over a model whose JSON is `json`. */
function kubeObject(json: unknown, app = new App()): KubeObject {
  return new KubeObject(new Chart(app, "c"), { validate: () => undefined, toJSON: () => json });
}

describe("KubeObject.toJson", () => {
  it("is cdk8s's ApiObject.toJson, key order included, for every object of every fixture environment", () => {
    let objects = 0;
    for (const model of resolveModels()) {
      const chart = new EnvironmentChart(new App(), model.environment.name, { model });
      for (const object of chart.node.findAll().filter((c): c is KubeObject => c instanceof KubeObject)) {
        expect(text(object.toJson()), `${model.environment.name} ${object.kind}/${object.name}`).toBe(cdk8sJson(object));
        objects++;
      }
    }
    expect(objects).toBeGreaterThan(100);
  });

  it("is cdk8s's ApiObject.toJson for any JSON data (nulls, empty collections, nested lists, odd keys), errors included", () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("apiVersion", "kind", "metadata", "spec", "data", "0", "10", "B", "a"));
    const value = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, fc.jsonValue({ maxDepth: 0 }), fc.constant(undefined), fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(key, tie("value"), { maxKeys: 4, noNullPrototype: true }), fc.dictionary(key, tie("value"), { maxKeys: 2 })),
    })).value;
    const labels = fc.dictionary(fc.constantFrom("app", "team", "tier"), fc.constantFrom("a", "b"), { maxKeys: 2 });
    const manifest = fc.record({
      apiVersion: fc.constantFrom("v1", "apps/v1"),
      kind: fc.constantFrom("ConfigMap", "Deployment"),
      metadata: fc.record(
        {
          name: fc.constantFrom("x", "y"),
          namespace: fc.constantFrom("shop", undefined),
          labels,
          annotations: labels,
          finalizers: fc.array(fc.constantFrom("a", "b"), { maxLength: 2 }),
          ownerReferences: fc.array(value, { maxLength: 2 }),
        },
        { requiredKeys: ["name"] },
      ),
      // Other metadata (cdk8s keeps what it is given, drops empty lists and dictionaries at every depth).
      otherMetadata: fc.dictionary(key, value, { maxKeys: 3, noNullPrototype: true }),
      extra: fc.dictionary(key, value, { maxKeys: 5, noNullPrototype: true }),
    });
    fc.assert(
      fc.property(manifest, ({ extra, otherMetadata, metadata, ...rest }) => {
        const object = kubeObject({ ...extra, ...rest, metadata: { ...otherMetadata, ...metadata } });
        return outcome(() => object.toJson()) === outcome(() => ApiObject.prototype.toJson.call(object));
      }),
      { numRuns: 1500 },
    );
  });

  it("leaves to cdk8s what is not a plain copy: JSON patches, Lazy values, class instances, custom resolvers", () => {
    const patched = kubeObject({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "p" }, data: { a: "1" } });
    patched.addJsonPatch(JsonPatch.add("/data/b", "2"));
    expect(patched.toJson()).toEqual({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "p" }, data: { a: "1", b: "2" } });

    const lazy = kubeObject({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "l" }, data: { a: Lazy.any({ produce: () => "late" }) } });
    expect(lazy.toJson()).toEqual({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "l" }, data: { a: "late" } });

    class Quantity {
      public readonly value = "1Gi";
    }
    const union = kubeObject({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "q" }, data: { a: new Quantity() } });
    expect(union.toJson()).toEqual({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "q" }, data: { a: { value: "1Gi" } } });

    const upper = { resolve: (context: { value: unknown; replaceValue(v: unknown): void }) => typeof context.value === "string" && context.value !== context.value.toUpperCase() && context.value === "shout" && context.replaceValue("SHOUT") };
    const custom = kubeObject({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "r" }, data: { a: "shout" } }, new App({ resolvers: [upper] }));
    expect(custom.toJson()).toEqual({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "r" }, data: { a: "SHOUT" } });
  });
});

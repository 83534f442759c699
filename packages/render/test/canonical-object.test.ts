import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalObject } from "../src/index.ts";

/** Every object's keys, depth first, as `path: key, key, …`. */
function keyOrders(value: unknown, path = "$"): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => keyOrders(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  const keys = Object.keys(value);
  return [`${path}: ${keys.join(", ")}`, ...keys.flatMap((k) => keyOrders((value as Record<string, unknown>)[k], `${path}.${k}`))];
}

function sortedKeys(value: unknown): boolean {
  if (Array.isArray(value)) return value.every(sortedKeys);
  if (value === null || typeof value !== "object") return true;
  const keys = Object.keys(value);
  return keys.every((k, i) => i === 0 || keys[i - 1]! < k) && keys.every((k) => sortedKeys((value as Record<string, unknown>)[k]));
}

/** The value with null and undefined dropped (what canonical form keeps), ignoring key order. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(withoutNulls);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

describe("canonicalObject", () => {
  it("puts apiVersion, kind and metadata first, then the other keys sorted", () => {
    const out = canonicalObject({ spec: { b: 1 }, status: {}, metadata: { name: "x" }, kind: "Service", data: 1, apiVersion: "v1" });
    expect(Object.keys(out)).toEqual(["apiVersion", "kind", "metadata", "data", "spec", "status"]);
  });

  it("leaves out leading keys the manifest does not have", () => {
    expect(Object.keys(canonicalObject({ resources: [], kind: "Kustomization" }))).toEqual(["kind", "resources"]);
  });

  it("sorts keys at every depth, inside arrays too, by code unit", () => {
    const out = canonicalObject({
      apiVersion: "v1",
      kind: "Pod",
      metadata: { namespace: "n", name: "p", labels: { "z.io/b": "1", "a.io/a": "2", B: "3" } },
      spec: { containers: [{ name: "c", image: "i", env: [{ value: "v", name: "N" }] }], affinity: { b: { d: 1, c: 2 } } },
    });
    expect(keyOrders(out)).toEqual([
      "$: apiVersion, kind, metadata, spec",
      "$.metadata: labels, name, namespace",
      "$.metadata.labels: B, a.io/a, z.io/b",
      "$.spec: affinity, containers",
      "$.spec.affinity: b",
      "$.spec.affinity.b: c, d",
      "$.spec.containers[0]: env, image, name",
      "$.spec.containers[0].env[0]: name, value",
    ]);
  });

  it("sorts metadata's own keys too (only the top level has leading keys)", () => {
    const out = canonicalObject({ metadata: { name: "x", kind: "k", apiVersion: "a" } });
    expect(Object.keys(out.metadata as object)).toEqual(["apiVersion", "kind", "name"]);
  });

  it("drops null and undefined values, in objects and arrays", () => {
    const out = canonicalObject({ apiVersion: "v1", kind: "X", metadata: { name: "x", labels: null }, spec: { a: undefined, b: [1, null, 2, undefined], c: { d: null } } });
    expect(out).toEqual({ apiVersion: "v1", kind: "X", metadata: { name: "x" }, spec: { b: [1, 2], c: {} } });
    expect(JSON.stringify(out)).not.toContain("null");
  });

  it("keeps falsy values that are not null: 0, false, empty strings, empty objects and arrays", () => {
    const out = canonicalObject({ spec: { zero: 0, no: false, empty: "", object: {}, list: [] } });
    expect(out.spec).toEqual({ empty: "", list: [], no: false, object: {}, zero: 0 });
  });

  it("keeps array order", () => {
    const out = canonicalObject({ spec: { args: ["--b", "--a"], ports: [{ port: 2 }, { port: 1 }] } });
    expect(out.spec).toEqual({ args: ["--b", "--a"], ports: [{ port: 2 }, { port: 1 }] });
  });

  it("does not change its input", () => {
    const input = { spec: { b: 1, a: null }, kind: "X", apiVersion: "v1" };
    const copy = structuredClone(input);
    canonicalObject(input);
    expect(input).toEqual(copy);
    expect(Object.keys(input)).toEqual(["spec", "kind", "apiVersion"]);
  });

  it("copies shared sub-objects, so the result shares nothing with the input", () => {
    const labels = { app: "x" };
    const input = { metadata: { labels }, spec: { selector: { matchLabels: labels } } };
    const out = canonicalObject(input) as { metadata: { labels: object }; spec: { selector: { matchLabels: object } } };
    expect(out.metadata.labels).toEqual(labels);
    expect(out.metadata.labels).not.toBe(labels);
  });

  // Keys that are not array indices (JavaScript orders integer-like keys first, whatever the insertion order).
  const key = fc.stringMatching(/^[a-zA-Z_.\/-][a-zA-Z0-9_.\/-]{0,8}$/);
  const json = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small" },
      fc.constant(null),
      fc.boolean(),
      fc.integer(),
      fc.string(),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(key, tie("value"), { maxKeys: 5 }),
    ),
  })).value;
  const manifest = fc.dictionary(fc.oneof(key, fc.constantFrom("apiVersion", "kind", "metadata")), json, { maxKeys: 6 });

  it("only reorders keys and drops nulls (property)", () => {
    fc.assert(
      fc.property(manifest, (input) => {
        const out = canonicalObject(input);
        expect(out).toEqual(withoutNulls(input));
        const rest = Object.keys(out).filter((k) => !["apiVersion", "kind", "metadata"].includes(k));
        const leading = ["apiVersion", "kind", "metadata"].filter((k) => k in out);
        expect(Object.keys(out)).toEqual([...leading, ...rest]);
        expect(sortedKeys(rest.map((k) => out[k]))).toBe(true);
        expect(rest).toEqual([...rest].sort());
        expect(canonicalObject(out)).toEqual(out);
        expect(keyOrders(canonicalObject(out))).toEqual(keyOrders(out));
      }),
      { numRuns: 200 },
    );
  });
});

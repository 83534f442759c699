import { describe, expect, it } from "vitest";
import { diffValues, type JsonValue } from "../src/index.ts";

const container = (name: string, image: string, extra: Record<string, JsonValue> = {}) => ({ name, image, ...extra });

describe("diffValues", () => {
  it("finds nothing between equal values, whatever their key order", () => {
    expect(diffValues({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual([]);
  });

  it("gives dotted paths with old and new values, keys in sorted order", () => {
    expect(diffValues({ spec: { replicas: 3, paused: false } }, { spec: { replicas: 2, paused: true } })).toEqual([
      { path: "spec.paused", before: false, after: true },
      { path: "spec.replicas", before: 3, after: 2 },
    ]);
  });

  it("leaves out `before` for a new field and `after` for a removed one", () => {
    expect(diffValues({ a: 1 }, { b: { c: 2 } })).toEqual([
      { path: "a", before: 1 },
      { path: "b", after: { c: 2 } },
    ]);
  });

  it("quotes keys that are not plain words (labels, annotations)", () => {
    expect(diffValues({ labels: { "app.kubernetes.io/name": "a" } }, { labels: { "app.kubernetes.io/name": "b" } })).toEqual([
      { path: 'labels["app.kubernetes.io/name"]', before: "a", after: "b" },
    ]);
  });

  it("matches containers by name, not by index: inserting one does not change the others", () => {
    const before = { containers: [container("server", "a:1"), container("proxy", "p:1")] };
    const after = { containers: [container("init", "i:1"), container("server", "a:2"), container("proxy", "p:1")] };
    expect(diffValues(before, after)).toEqual([
      { path: "containers[init]", after: { name: "init", image: "i:1" } },
      { path: "containers[server].image", before: "a:1", after: "a:2" },
    ]);
  });

  it("matches env, ports, volumes and subsets by name; reports removed items and a reordering", () => {
    const before = { env: [{ name: "A", value: "1" }, { name: "B", value: "2" }, { name: "C", value: "3" }] };
    const after = { env: [{ name: "B", value: "2" }, { name: "A", value: "9" }] };
    expect(diffValues(before, after)).toEqual([
      { path: "env[A].value", before: "1", after: "9" },
      { path: "env[C]", before: { name: "C", value: "3" } },
      { path: "env (order)", before: ["A", "B"], after: ["B", "A"] },
    ]);
  });

  it("matches Istio route destinations by subset", () => {
    const route = (weights: Record<string, number>) => ({
      http: [{ name: "default", route: Object.entries(weights).map(([subset, weight]) => ({ destination: { host: "web", subset }, weight })) }],
    });
    expect(diffValues(route({ v1: 90, v2: 10 }), route({ v2: 50, v1: 50 }))).toEqual([
      { path: "http[default].route[v2].weight", before: 10, after: 50 },
      { path: "http[default].route[v1].weight", before: 90, after: 50 },
      { path: "http[default].route (order)", before: ["v1", "v2"], after: ["v2", "v1"] },
    ]);
  });

  it("quotes a name that could be read as an index", () => {
    expect(diffValues({ items: [{ name: "8080", x: 1 }] }, { items: [{ name: "8080", x: 2 }] })).toEqual([{ path: 'items["8080"].x', before: 1, after: 2 }]);
  });

  it("aligns lists without names on their equal items (principals, rules)", () => {
    expect(diffValues({ principals: ["a", "b", "c"] }, { principals: ["a", "x", "b", "c"] })).toEqual([{ path: "principals[1]", after: "x" }]);
    expect(diffValues({ principals: ["a", "b", "c"] }, { principals: ["a", "c"] })).toEqual([{ path: "principals[1]", before: "b" }]);
    expect(diffValues({ rules: [{ port: 1 }, { port: 2 }] }, { rules: [{ port: 1 }, { port: 3 }] })).toEqual([{ path: "rules[1].port", before: 2, after: 3 }]);
  });

  it("reports a value whose type changed as one change", () => {
    expect(diffValues({ port: 8080 }, { port: "8080" })).toEqual([{ path: "port", before: 8080, after: "8080" }]);
    expect(diffValues({ x: [1] }, { x: { a: 1 } })).toEqual([{ path: "x", before: [1], after: { a: 1 } }]);
  });
});

describe("diffValues on a list of named items that appears or goes", () => {
  it("lists the items one by one", () => {
    expect(diffValues({ c: {} }, { c: { env: [{ name: "A", value: "1" }, { name: "B", value: "2" }] } })).toEqual([
      { path: "c.env[A]", after: { name: "A", value: "1" } },
      { path: "c.env[B]", after: { name: "B", value: "2" } },
    ]);
    expect(diffValues({ volumes: [{ name: "tmp", emptyDir: {} }] }, {})).toEqual([{ path: "volumes[tmp]", before: { name: "tmp", emptyDir: {} } }]);
  });

  it("keeps other new lists whole", () => {
    expect(diffValues({}, { hosts: ["a", "b"] })).toEqual([{ path: "hosts", after: ["a", "b"] }]);
  });
});

describe("diffValues on strings that hold documents", () => {
  it("compares JSON inside a string as JSON (a dashboard in a ConfigMap)", () => {
    const dashboard = (title: string) => JSON.stringify({ panels: [{ id: 1, title }, { id: 2, title: "errors" }], version: 1 }, null, 2);
    expect(diffValues({ data: { "a.json": dashboard("rate") } }, { data: { "a.json": dashboard("requests") } })).toEqual([
      { path: 'data["a.json"](json).panels[0].title', before: "rate", after: "requests" },
    ]);
  });

  it("compares text of several lines line by line", () => {
    const before = "#!/bin/sh\nset -e\necho one\necho two\n";
    const after = "#!/bin/sh\nset -eu\necho one\necho two\necho three\n";
    expect(diffValues({ script: before }, { script: after })).toEqual([
      { path: "script(line 2)", before: "set -e", after: "set -eu" },
      { path: "script(line 5)", after: "echo three" },
    ]);
    expect(diffValues({ script: "a\nb" }, { script: "a\nb\n" })).toEqual([{ path: "script(final newline)", before: false, after: true }]);
  });

  it("keeps a one-line string one change, even when it looks like JSON on one side only", () => {
    expect(diffValues({ v: "1.0" }, { v: "1.1" })).toEqual([{ path: "v", before: "1.0", after: "1.1" }]);
    expect(diffValues({ v: "{}" }, { v: "x" })).toEqual([{ path: "v", before: "{}", after: "x" }]);
  });
});

import { describe, expect, it } from "vitest";
import { key, parseSource } from "../src/index.ts";

const content = `# a comment
apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app.kubernetes.io/name: web
spec:
  ports:
    - name: http
      port: 80
---
apiVersion: v1
kind: ConfigMap
metadata: {name: b}
`;

describe("parseSource", () => {
  const parsed = parseSource({ file: "a.yaml", content });
  const [first, second] = parsed.documents;

  it("splits documents and reads them as data", () => {
    expect(parsed.syntaxProblems).toEqual([]);
    expect(parsed.documents.map((d) => d.index)).toEqual([0, 1]);
    expect(second!.value).toEqual({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "b" } });
  });

  it("locates fields, map keys and array items at their key", () => {
    expect(first!.locate(["spec", "ports", 0, "port"])).toEqual({ line: 11, column: 7 });
    expect(first!.locate(["metadata", "labels", key("app.kubernetes.io/name")])).toEqual({ line: 7, column: 5 });
    expect(first!.locate(["spec", "ports", 0])).toEqual({ line: 10, column: 7 });
    expect(second!.locate(["metadata", "name"])).toEqual({ line: 15, column: 12 });
  });

  it("locates a missing field at its nearest existing parent, and the whole document at its start", () => {
    expect(first!.locate(["spec", "selector", "app"])).toEqual({ line: 8, column: 1 });
    expect(first!.locate(["spec", "ports", 3, "name"])).toEqual({ line: 9, column: 3 });
    expect(first!.locate([])).toEqual({ line: 2, column: 1 });
  });

  it("reads YAML 1.1 scalars as kubectl does, timestamps as strings", () => {
    const [doc] = parseSource({ file: "b.yaml", content: "a: on\nb: 0755\nc: 2024-01-02\nd: '1'\n" }).documents;
    expect(doc!.value).toEqual({ a: true, b: 493, c: "2024-01-02", d: "1" });
  });

  it("reports duplicate keys with the key's name and position", () => {
    expect(parseSource({ file: "c.yaml", content: 'a: 1\n"b": 2\nb: 3\n' }).syntaxProblems).toEqual([{ line: 3, column: 1, message: 'key "b" already set in map' }]);
  });
});

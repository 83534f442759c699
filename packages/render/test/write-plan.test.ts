import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planWrite, type RenderedFile } from "../src/index.ts";

const file = (path: string, content: string): RenderedFile => ({ path, content });

describe("planWrite", () => {
  it("writes a new file", () => {
    const plan = planWrite(new Map(), [file("dev/a.yaml", "a: 1\n")]);
    expect(plan).toEqual({ write: [file("dev/a.yaml", "a: 1\n")], remove: [], unchanged: 0 });
  });

  it("writes a changed file", () => {
    const plan = planWrite(new Map([["dev/a.yaml", "a: 1\n"]]), [file("dev/a.yaml", "a: 2\n")]);
    expect(plan).toEqual({ write: [file("dev/a.yaml", "a: 2\n")], remove: [], unchanged: 0 });
  });

  it("counts an identical file as unchanged and does not write it", () => {
    const plan = planWrite(new Map([["dev/a.yaml", "a: 1\n"]]), [file("dev/a.yaml", "a: 1\n")]);
    expect(plan).toEqual({ write: [], remove: [], unchanged: 1 });
  });

  it("compares bytes exactly: a missing trailing newline or a CRLF is a change", () => {
    const current = new Map([
      ["dev/a.yaml", "a: 1"],
      ["dev/b.yaml", "b: 1\r\n"],
    ]);
    const plan = planWrite(current, [file("dev/a.yaml", "a: 1\n"), file("dev/b.yaml", "b: 1\n")]);
    expect(plan.write.map((f) => f.path)).toEqual(["dev/a.yaml", "dev/b.yaml"]);
    expect(plan.unchanged).toBe(0);
  });

  it("removes files that are no longer rendered, sorted", () => {
    const current = new Map([
      ["dev/z.yaml", "z"],
      ["dev/a.yaml", "a"],
      ["dev/keep.yaml", "k"],
      ["dev/B.yaml", "b"],
    ]);
    const plan = planWrite(current, [file("dev/keep.yaml", "k")]);
    expect(plan).toEqual({ write: [], remove: ["dev/B.yaml", "dev/a.yaml", "dev/z.yaml"], unchanged: 1 });
  });

  it("sorts out new, changed, unchanged and removed files in one plan", () => {
    const current = new Map([
      ["dev/shop/_tenant/namespace-shop.yaml", "same\n"],
      ["dev/shop/checkout/deployment-checkout.yaml", "old\n"],
      ["dev/shop/gone/deployment-gone.yaml", "gone\n"],
    ]);
    const files = [
      file("dev/kustomization.yaml", "new\n"),
      file("dev/shop/_tenant/namespace-shop.yaml", "same\n"),
      file("dev/shop/checkout/deployment-checkout.yaml", "new\n"),
    ];
    expect(planWrite(current, files)).toEqual({
      write: [file("dev/kustomization.yaml", "new\n"), file("dev/shop/checkout/deployment-checkout.yaml", "new\n")],
      remove: ["dev/shop/gone/deployment-gone.yaml"],
      unchanged: 1,
    });
  });

  it("plans nothing when the disk already matches", () => {
    const files = [file("a", "1"), file("b", "2")];
    expect(planWrite(new Map(files.map((f) => [f.path, f.content])), files)).toEqual({ write: [], remove: [], unchanged: 2 });
  });

  it("does not change its inputs", () => {
    const current = new Map([["x", "1"]]);
    const files = [file("y", "2")];
    planWrite(current, files);
    expect([...current]).toEqual([["x", "1"]]);
    expect(files).toEqual([file("y", "2")]);
  });

  it("accounts for every file: applying the plan makes the disk equal the render (property)", () => {
    const path = fc.constantFrom("dev/a.yaml", "dev/b.yaml", "dev/c/d.yaml", "prod/a.yaml", "prod/e.yaml", "staging/f.yaml");
    const content = fc.constantFrom("a\n", "b\n", "c\n");
    fc.assert(
      fc.property(fc.dictionary(path, content), fc.dictionary(path, content), (disk, render) => {
        const current = new Map<string, string>(Object.entries(disk));
        const files = Object.entries(render)
          .map(([p, c]) => file(p, c))
          .sort((a, b) => (a.path < b.path ? -1 : 1));
        const plan = planWrite(current, files);
        expect(plan.write.length + plan.unchanged).toBe(files.length);
        expect(plan.remove).toEqual([...plan.remove].sort());
        const after = new Map(current);
        for (const p of plan.remove) after.delete(p);
        for (const f of plan.write) after.set(f.path, f.content);
        expect(Object.fromEntries(after)).toEqual(render);
        for (const f of plan.write) expect(current.get(f.path)).not.toBe(f.content);
      }),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layeredLayout, type LayoutEdge, type LayoutNode } from "../../src/index.ts";

const box = (id: string, group = ""): LayoutNode => ({ id, width: 100, height: 40, group });

describe("layeredLayout", () => {
  it("puts each node one layer right of its furthest predecessor", () => {
    const layout = layeredLayout(
      [box("a"), box("b"), box("c"), box("d")],
      [
        { from: "a", to: "b" },
        { from: "b", to: "c" },
        { from: "a", to: "c" },
      ],
    );
    expect(layout.nodes.map((n) => [n.id, n.layer])).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 2],
      ["d", 0],
    ]);
    // margin 16, width 100, layer gap 80: layers at x 16, 196, 376; two nodes in layer 0, 40 + 24 + 40 high; layer 1
    // holds b and the bend of a → c (8 high), centred: 16 + (104 - 72) / 2.
    expect(layout.nodes.map((n) => [n.x, n.y])).toEqual([
      [16, 16],
      [196, 32],
      [376, 48],
      [16, 80],
    ]);
    expect([layout.width, layout.height]).toEqual([492, 136]);
    // a → c crosses layer 1 below b (b spans y 32 to 72), through the middle of the layer.
    expect(layout.edges).toEqual([
      { from: "a", to: "b", bends: [] },
      { from: "b", to: "c", bends: [] },
      { from: "a", to: "c", bends: [{ x: 246, y: 100 }] },
    ]);
  });

  it("turns round an edge that closes a cycle and still places every node", () => {
    const layout = layeredLayout(
      [box("a"), box("b"), box("c")],
      [
        { from: "a", to: "b" },
        { from: "b", to: "c" },
        { from: "c", to: "a" },
      ],
    );
    expect(layout.nodes.map((n) => n.layer)).toEqual([0, 1, 2]);
  });

  it("keeps the nodes of a group next to each other in a layer", () => {
    const layout = layeredLayout(
      [box("root"), box("x1", "x"), box("y1", "y"), box("x2", "x"), box("y2", "y")],
      ["x1", "y1", "x2", "y2"].map((to) => ({ from: "root", to })),
    );
    const order = layout.nodes.filter((n) => n.layer === 1).sort((a, b) => a.y - b.y).map((n) => n.id);
    expect(order).toEqual(["x1", "x2", "y1", "y2"]);
  });

  it("draws an empty graph as an empty picture", () => {
    expect(layeredLayout([], [])).toEqual({ nodes: [], edges: [], width: 32, height: 32 });
  });

  it("on any graph: boxes never overlap, acyclic edges point right, and the same input gives the same picture", () => {
    const graphs = fc
      .integer({ min: 1, max: 12 })
      .chain((n) =>
        fc.record({
          widths: fc.array(fc.integer({ min: 40, max: 300 }), { minLength: n, maxLength: n }),
          groups: fc.array(fc.constantFrom("", "a", "b"), { minLength: n, maxLength: n }),
          edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
        }),
      );
    fc.assert(
      fc.property(graphs, ({ widths, groups, edges }) => {
        const nodes = widths.map((width, i) => ({ id: `n${i}`, width, height: 40, group: groups[i]! }));
        const links: LayoutEdge[] = edges.map(([a, b]) => ({ from: `n${a}`, to: `n${b}` }));
        const layout = layeredLayout(nodes, links);
        expect(layeredLayout(nodes, links)).toEqual(layout);
        expect(layout.nodes.map((n) => n.id)).toEqual(nodes.map((n) => n.id));
        for (const a of layout.nodes) {
          expect(a.x + a.width).toBeLessThanOrEqual(layout.width);
          expect(a.y + a.height).toBeLessThanOrEqual(layout.height);
          for (const b of layout.nodes) {
            if (a === b) continue;
            const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
            expect(apart).toBe(true);
          }
        }
        // A long edge bends once in each layer it crosses, never inside a box.
        for (const [e, edge] of layout.edges.entries()) {
          const [from, to] = [layout.nodes.find((n) => n.id === edge.from)!, layout.nodes.find((n) => n.id === edge.to)!];
          expect(edge.bends).toHaveLength(Math.max(0, Math.abs(to.layer - from.layer) - 1));
          expect(edge).toMatchObject(links[e]!);
          for (const bend of edge.bends) {
            expect(layout.nodes.filter((n) => bend.x > n.x && bend.x < n.x + n.width && bend.y > n.y && bend.y < n.y + n.height)).toEqual([]);
          }
        }
        // Only edges from a lower to a higher index: an acyclic graph, whose edges all point right.
        const forward = edges.filter(([a, b]) => a < b);
        const acyclic = layeredLayout(nodes, forward.map(([a, b]) => ({ from: `n${a}`, to: `n${b}` })));
        const layer = new Map(acyclic.nodes.map((n) => [n.id, n.layer]));
        for (const [a, b] of forward) expect(layer.get(`n${a}`)!).toBeLessThan(layer.get(`n${b}`)!);
      }),
      { numRuns: 300 },
    );
  });
});

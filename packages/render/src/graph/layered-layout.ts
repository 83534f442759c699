import { compareStrings } from "@cloudlab/model";

/** A box to place. */
export interface LayoutNode {
  readonly id: string;
  /** In pixels. */
  readonly width: number;
  /** In pixels. */
  readonly height: number;
  /**
   * Nodes of the same group are kept next to each other within a layer (tenants).
   * @default "" (one group)
   */
  readonly group?: string;
}

/** An edge between two laid-out nodes. */
export interface LayoutEdge {
  readonly from: string;
  readonly to: string;
}

/** Spacing of {@link layeredLayout}. */
export interface LayoutOptions {
  /**
   * Horizontal space between layers, in pixels.
   * @default 80
   */
  readonly layerGap?: number;
  /**
   * Vertical space between nodes of one layer, in pixels.
   * @default 24
   */
  readonly nodeGap?: number;
  /**
   * Space around the drawing, in pixels.
   * @default 16
   */
  readonly margin?: number;
}

/** A placed node: its top-left corner and its layer (0: leftmost). */
export interface PlacedNode {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly layer: number;
}

/** A point of the picture, in pixels. */
export interface Point {
  readonly x: number;
  readonly y: number;
}

/** An edge as laid out: the points it bends through, one per layer it crosses. */
export interface LaidOutEdge {
  readonly from: string;
  readonly to: string;
  /** From the source's side to the target's; empty for an edge between adjacent layers (or a loop). */
  readonly bends: readonly Point[];
}

/** The drawing: every node placed, every edge routed, and the size of the picture. */
export interface Layout {
  /** In the order of the input nodes. */
  readonly nodes: readonly PlacedNode[];
  /** The edges between laid-out nodes, in input order. */
  readonly edges: readonly LaidOutEdge[];
  readonly width: number;
  readonly height: number;
}

/**
 * Layers of a directed graph, left to right: edges that close a cycle (found by a depth-first search in input order)
 * are turned round, then each node goes one layer right of its furthest predecessor (longest path).
 */
function assignLayers(ids: readonly string[], edges: readonly LayoutEdge[]): Map<string, number> {
  const out = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const edge of edges) if (edge.from !== edge.to && out.has(edge.from) && out.has(edge.to)) out.get(edge.from)!.push(edge.to);
  const state = new Map<string, "open" | "done">();
  const acyclic = new Map<string, string[]>(ids.map((id) => [id, []]));
  const visit = (id: string) => {
    state.set(id, "open");
    for (const next of out.get(id)!) {
      if (state.get(next) === "open") acyclic.get(next)!.push(id);
      else {
        acyclic.get(id)!.push(next);
        if (state.get(next) === undefined) visit(next);
      }
    }
    state.set(id, "done");
  };
  for (const id of ids) if (state.get(id) === undefined) visit(id);

  const incoming = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const targets of acyclic.values()) for (const to of targets) incoming.set(to, incoming.get(to)! + 1);
  const layer = new Map<string, number>(ids.map((id) => [id, 0]));
  const ready = ids.filter((id) => incoming.get(id) === 0);
  while (ready.length > 0) {
    const id = ready.shift()!;
    for (const to of acyclic.get(id)!) {
      layer.set(to, Math.max(layer.get(to)!, layer.get(id)! + 1));
      incoming.set(to, incoming.get(to)! - 1);
      if (incoming.get(to) === 0) ready.push(to);
    }
  }
  return layer;
}

/** The height of the point a long edge passes through in each layer it crosses, in pixels. */
const BEND_HEIGHT = 8;

/**
 * A small layered (Sugiyama-style) layout for a left-to-right picture: longest-path layers; an edge that crosses
 * layers gets a bend point in each (so it is routed between the boxes there, not over them); four sweeps order each
 * layer by the mean position of its neighbours in the previous one (groups kept together, ties broken by input order);
 * then layers are centred vertically. Deterministic: the same input gives the same coordinates.
 */
export function layeredLayout(nodes: readonly LayoutNode[], edges: readonly LayoutEdge[], options: LayoutOptions = {}): Layout {
  const layerGap = options.layerGap ?? 80;
  const nodeGap = options.nodeGap ?? 24;
  const margin = options.margin ?? 16;
  const ids = nodes.map((n) => n.id);
  const byId = new Map<string, { node: LayoutNode; index: number }>(nodes.map((n, index) => [n.id, { node: n, index }]));
  const layerOf = assignLayers(ids, edges);
  const layerCount = Math.max(0, ...layerOf.values()) + 1;
  const layers: string[][] = Array.from({ length: nodes.length === 0 ? 0 : layerCount }, () => []);
  for (const id of ids) layers[layerOf.get(id)!]!.push(id);

  const neighbours = new Map<string, string[]>(ids.map((id) => [id, []]));
  const link = (a: string, b: string) => {
    neighbours.get(a)!.push(b);
    neighbours.get(b)!.push(a);
  };
  // The bend points of each edge, from its source to its target (empty for an edge between adjacent layers).
  const bends: string[][] = edges.map(() => []);
  for (const [e, edge] of edges.entries()) {
    if (!byId.has(edge.from) || !byId.has(edge.to) || edge.from === edge.to) continue;
    const [a, b] = [layerOf.get(edge.from)!, layerOf.get(edge.to)!];
    let previous = edge.from;
    for (let l = a + Math.sign(b - a); l !== b && Math.abs(b - a) > 1; l += Math.sign(b - a)) {
      const id = `\u0000bend ${e} ${l}`;
      byId.set(id, { node: { id, width: 0, height: BEND_HEIGHT, group: id }, index: byId.size });
      neighbours.set(id, []);
      layers[l]!.push(id);
      layerOf.set(id, l);
      link(previous, id);
      bends[e]!.push(id);
      previous = id;
    }
    link(previous, edge.to);
  }

  const position = new Map<string, number>();
  const remember = () => layers.forEach((layer) => layer.forEach((id, i) => position.set(id, i)));
  remember();
  const sweep = (order: readonly number[], reference: (layer: number) => number) => {
    for (const l of order) {
      const other = new Set(layers[reference(l)] ?? []);
      const centre = (id: string) => {
        const near = neighbours.get(id)!.filter((n) => other.has(n));
        return near.length === 0 ? position.get(id)! : near.reduce((sum, n) => sum + position.get(n)!, 0) / near.length;
      };
      const groupCentre = new Map<string, number[]>();
      for (const id of layers[l]!) {
        const group = byId.get(id)!.node.group ?? "";
        groupCentre.set(group, [...(groupCentre.get(group) ?? []), centre(id)]);
      }
      const groupMean = (id: string) => {
        const values = groupCentre.get(byId.get(id)!.node.group ?? "")!;
        return values.reduce((a, b) => a + b, 0) / values.length;
      };
      layers[l]!.sort(
        (a, b) =>
          groupMean(a) - groupMean(b) ||
          compareStrings(byId.get(a)!.node.group ?? "", byId.get(b)!.node.group ?? "") ||
          centre(a) - centre(b) ||
          byId.get(a)!.index - byId.get(b)!.index,
      );
      remember();
    }
  };
  const forward = layers.map((_, i) => i).slice(1);
  const backward = layers.map((_, i) => i).slice(0, -1).reverse();
  for (let round = 0; round < 2; round++) {
    sweep(forward, (l) => l - 1);
    sweep(backward, (l) => l + 1);
  }

  const layerWidth = layers.map((layer) => Math.max(0, ...layer.map((id) => byId.get(id)!.node.width)));
  const layerHeight = layers.map((layer) => layer.reduce((sum, id) => sum + byId.get(id)!.node.height, 0) + nodeGap * Math.max(0, layer.length - 1));
  const tallest = Math.max(0, ...layerHeight);
  const placed = new Map<string, PlacedNode>();
  let x = margin;
  for (const [l, layer] of layers.entries()) {
    let y = margin + (tallest - layerHeight[l]!) / 2;
    for (const id of layer) {
      const { node } = byId.get(id)!;
      placed.set(id, { id, x: x + (layerWidth[l]! - node.width) / 2, y, width: node.width, height: node.height, layer: l });
      y += node.height + nodeGap;
    }
    x += layerWidth[l]! + layerGap;
  }
  const width = layers.length === 0 ? 2 * margin : x - layerGap + margin;
  const routes = edges.flatMap((edge, e): LaidOutEdge[] =>
    byId.has(edge.from) && byId.has(edge.to)
      ? [{ from: edge.from, to: edge.to, bends: bends[e]!.map((id) => ({ x: placed.get(id)!.x, y: placed.get(id)!.y + BEND_HEIGHT / 2 })) }]
      : [],
  );
  return { nodes: ids.map((id) => placed.get(id)!), edges: routes, width, height: tallest + 2 * margin };
}

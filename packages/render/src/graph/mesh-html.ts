import { layeredLayout, type PlacedNode, type Point } from "./layered-layout.ts";
import { operationLabels, versionLabel, type MeshEdge, type MeshGraph, type MeshNode } from "./mesh-graph.ts";

/** Text safe in HTML and SVG text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Fill colours of the tenants, in tenant order (repeating after eight). */
const TENANT_COLOURS = ["#dbeafe", "#dcfce7", "#fef3c7", "#fce7f3", "#e0e7ff", "#ccfbf1", "#fee2e2", "#f3e8ff"];

/** Pixels per character of the 12px sans-serif labels (an estimate on the safe side: labels never overflow). */
const CHAR_WIDTH = 7.5;
const NODE_HEIGHT = 44;

function nodeLines(node: MeshNode): [string, string] {
  if (node.kind === "ingress") return [node.host, "ingress host"];
  const versions = versionLabel(node);
  return [node.name, [`tenant ${node.tenant}`, ...(node.workload === "stateful" ? ["stateful"] : []), ...(versions === "" ? [] : [versions])].join(" · ")];
}

function round(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * A smooth path from the source's side facing the target to the target's facing side, through the bend points of
 * the layout (each step a cubic curve leaving and arriving horizontally); a loop below the box for a self-call. The
 * label goes at the middle of the middle step.
 */
function edgePath(from: PlacedNode, to: PlacedNode, bends: readonly Point[]): { d: string; label: Point } {
  if (from.id === to.id) {
    const start = { x: from.x + from.width / 2 - 12, y: from.y + from.height };
    const end = { x: from.x + from.width / 2 + 12, y: from.y + from.height };
    return {
      d: `M${round(start.x)},${round(start.y)} C${round(start.x - 20)},${round(start.y + 36)} ${round(end.x + 20)},${round(end.y + 36)} ${round(end.x)},${round(end.y)}`,
      label: { x: from.x + from.width / 2, y: from.y + from.height + 36 },
    };
  }
  const rightwards = to.layer >= from.layer;
  const points: Point[] = [
    { x: rightwards ? from.x + from.width : from.x, y: from.y + from.height / 2 },
    ...bends,
    { x: rightwards ? to.x : to.x + to.width, y: to.y + to.height / 2 },
  ];
  const steps = points.slice(1).map((end, i) => {
    const start = points[i]!;
    const bend = Math.max(20, Math.abs(end.x - start.x) / 2) * (end.x >= start.x ? 1 : -1);
    return { start, c1: { x: start.x + bend, y: start.y }, c2: { x: end.x - bend, y: end.y }, end };
  });
  const middle = steps[Math.floor((steps.length - 1) / 2)]!;
  const label = {
    x: (middle.start.x + 3 * middle.c1.x + 3 * middle.c2.x + middle.end.x) / 8,
    y: (middle.start.y + 3 * middle.c1.y + 3 * middle.c2.y + middle.end.y) / 8,
  };
  const d = [`M${round(points[0]!.x)},${round(points[0]!.y)}`, ...steps.map((s) => `C${round(s.c1.x)},${round(s.c1.y)} ${round(s.c2.x)},${round(s.c2.y)} ${round(s.end.x)},${round(s.end.y)}`)];
  return { d: d.join(" "), label };
}

function edgeLabels(edge: MeshEdge): string[] {
  return [...operationLabels(edge), ...(edge.crossTenant ? ["cross-tenant"] : [])];
}

function svgOf(graph: MeshGraph, index: number): string {
  const colour = new Map(graph.tenants.map((t, i) => [t.name, TENANT_COLOURS[i % TENANT_COLOURS.length]!]));
  const layout = layeredLayout(
    graph.nodes.map((node) => ({
      id: node.id,
      width: Math.max(120, Math.ceil(Math.max(...nodeLines(node).map((l) => l.length)) * CHAR_WIDTH) + 24),
      height: NODE_HEIGHT,
      group: node.kind === "service" ? node.tenant : "",
    })),
    graph.edges,
  );
  const placed = new Map(layout.nodes.map((n) => [n.id, n]));
  const marker = `arrow-${index}`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="mesh" role="img" aria-label="${escapeHtml(`The mesh of ${graph.environment}`)}" width="${round(layout.width)}" height="${round(layout.height)}" viewBox="0 0 ${round(layout.width)} ${round(layout.height)}">`,
    `<defs><marker id="${marker}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="context-stroke"/></marker></defs>`,
  ];
  // Labels are drawn last, over the boxes, so a curve passing behind a box never hides its label.
  const texts: string[] = [];
  for (const [e, edge] of graph.edges.entries()) {
    const { d, label } = edgePath(placed.get(edge.from)!, placed.get(edge.to)!, layout.edges[e]!.bends);
    const labels = edgeLabels(edge);
    const classes = ["edge", edge.kind, ...(edge.crossTenant ? ["cross-tenant"] : [])].join(" ");
    parts.push(
      `<g class="${classes}" data-from="${escapeHtml(edge.from)}" data-to="${escapeHtml(edge.to)}"><title>${escapeHtml(`${edge.from} → ${edge.to}${labels.length === 0 ? "" : `: ${labels.join("; ")}`}`)}</title>` +
        `<path d="${d}" marker-end="url(#${marker})"/></g>`,
    );
    if (labels.length > 0) texts.push(`<text class="label" x="${round(label.x)}" y="${round(label.y - 4)}" text-anchor="middle">${escapeHtml(labels.join("; "))}</text>`);
  }
  for (const node of graph.nodes) {
    const box = placed.get(node.id)!;
    const [title, detail] = nodeLines(node);
    const fill = node.kind === "service" ? colour.get(node.tenant)! : "#ffffff";
    const attributes = node.kind === "service" ? `data-service="${escapeHtml(node.id)}" data-tenant="${escapeHtml(node.tenant)}"` : `data-ingress="${escapeHtml(node.host)}"`;
    parts.push(
      `<g class="node ${node.kind}" ${attributes}><title>${escapeHtml(node.id)}</title>` +
        `<rect x="${round(box.x)}" y="${round(box.y)}" width="${round(box.width)}" height="${round(box.height)}" rx="${node.kind === "ingress" ? 22 : 6}" fill="${fill}"/>` +
        `<text class="name" x="${round(box.x + box.width / 2)}" y="${round(box.y + 18)}" text-anchor="middle">${escapeHtml(title)}</text>` +
        `<text class="detail" x="${round(box.x + box.width / 2)}" y="${round(box.y + 34)}" text-anchor="middle">${escapeHtml(detail)}</text>` +
        "</g>",
    );
  }
  parts.push(...texts, "</svg>");
  return parts.join("\n");
}

function legendOf(graph: MeshGraph): string {
  const tenants = graph.tenants.map(
    (t, i) => `<li><span class="swatch" style="background:${TENANT_COLOURS[i % TENANT_COLOURS.length]}"></span>tenant ${escapeHtml(t.name)} (${t.services.length} service${t.services.length === 1 ? "" : "s"})</li>`,
  );
  return `<ul class="legend">${tenants.join("")}<li><span class="line cross"></span>cross-tenant call</li><li><span class="swatch ingress"></span>ingress host</li></ul>`;
}

function tableOf(graph: MeshGraph): string {
  const rows = graph.edges.map(
    (edge) => `<tr><td>${escapeHtml(edge.from)}</td><td>${escapeHtml(edge.to)}</td><td>${escapeHtml(edgeLabels(edge).join("; ") || "any operation")}</td></tr>`,
  );
  return `<details><summary>${graph.edges.length} edge${graph.edges.length === 1 ? "" : "s"} as a table</summary><table><thead><tr><th>from</th><th>to</th><th>allowed</th></tr></thead><tbody>${rows.join("")}</tbody></table></details>`;
}

const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; margin: 24px; color: #111827; }
h1 { font-size: 20px; } h2 { font-size: 16px; margin-top: 32px; }
.scroll { overflow-x: auto; border: 1px solid #e5e7eb; border-radius: 6px; }
svg.mesh text { font: 12px sans-serif; fill: #111827; }
svg.mesh text.name { font-weight: 600; }
svg.mesh text.detail { font-size: 10px; fill: #4b5563; }
svg.mesh .node rect { stroke: #374151; stroke-width: 1; }
svg.mesh .node.ingress rect { stroke-dasharray: 4 3; }
svg.mesh .edge path { fill: none; stroke: #6b7280; stroke-width: 1.3; }
svg.mesh text.label { font-size: 10px; fill: #374151; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; }
svg.mesh .edge.ingress path { stroke: #2563eb; }
svg.mesh .edge.cross-tenant path { stroke: #c2410c; stroke-dasharray: 6 4; stroke-width: 2; }
.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 16px; }
.swatch { display: inline-block; width: 14px; height: 14px; border: 1px solid #374151; border-radius: 3px; margin-right: 6px; vertical-align: -2px; }
.swatch.ingress { border-style: dashed; border-radius: 7px; background: #fff; }
.line { display: inline-block; width: 24px; margin-right: 6px; vertical-align: 4px; border-top: 2px dashed #c2410c; }
table { border-collapse: collapse; margin-top: 8px; } td, th { border: 1px solid #e5e7eb; padding: 2px 8px; text-align: left; }
`;

/**
 * One self-contained HTML page picturing the mesh of each environment: an inline SVG laid out by
 * {@link layeredLayout} (tenants by colour, ingress hosts dashed, cross-tenant calls dashed orange, accepted operations
 * on the arrows), a legend and the edges as a table. No script, no external resource: its Content-Security-Policy
 * forbids every fetch, so it works offline and from a CI artifact.
 */
export function meshHtml(graphs: readonly MeshGraph[], title = "cloudlab mesh"): string {
  const sections = graphs.map(
    (graph, i) =>
      `<section id="environment-${escapeHtml(graph.environment)}" data-environment="${escapeHtml(graph.environment)}">\n<h2>${escapeHtml(graph.environment)}</h2>\n${legendOf(graph)}\n<div class="scroll">\n${svgOf(graph, i)}\n</div>\n${tableOf(graph)}\n</section>`,
  );
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    `<h1>${escapeHtml(title)}</h1>`,
    "<p>Who may call whom, from the declared <code>calls</code> and <code>accepts</code> of every service: arrows point from caller to callee and carry the operations the callee accepts.</p>",
    ...sections,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

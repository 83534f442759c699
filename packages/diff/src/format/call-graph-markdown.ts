import type { CallEdge } from "../call-edges.ts";
import type { CallGraphChange } from "../call-graph-diff.ts";

/** The most edges drawn in one diagram and listed under it (a new environment adds all of its calls). */
export const MAX_DIAGRAM_EDGES = 60;

/** Text inside a quoted Mermaid label: quotes, angle brackets and `#` as Mermaid's entity codes. */
function mermaidText(text: string): string {
  return text.replace(/[#"<>]/g, (c) => `#${c.charCodeAt(0)};`);
}

/** Text safe in a line of Markdown. */
function markdownText(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}

interface Marked {
  readonly edge: CallEdge;
  readonly change: "added" | "removed";
}

function edgeLabel({ edge, change }: Marked): string {
  return [change, ...(edge.crossNamespace ? ["cross-tenant"] : []), ...edge.operations].join(" · ");
}

/** `shop/checkout` → `shop`; `namespace x` → `x`. */
function groupOf(node: string): string {
  return node.startsWith("namespace ") ? node.slice("namespace ".length) : node.includes("/") ? node.slice(0, node.indexOf("/")) : "";
}

/** One Mermaid flowchart of the changed edges: added solid green, removed dashed red, cross-tenant ones thicker. */
function diagram(edges: readonly Marked[]): string[] {
  const shown = edges.slice(0, MAX_DIAGRAM_EDGES);
  const nodes = [...new Set(shown.flatMap(({ edge }) => [edge.from, edge.to]))];
  const id = new Map(nodes.map((node, i) => [node, `n${i}`]));
  const groups = [...new Set(nodes.map(groupOf))];
  const lines = ["flowchart LR"];
  for (const [g, group] of groups.entries()) {
    lines.push(`  subgraph g${g}["${mermaidText(group === "" ? "outside the mesh" : group)}"]`);
    for (const node of nodes.filter((n) => groupOf(n) === group)) lines.push(`    ${id.get(node)}["${mermaidText(node)}"]`);
    lines.push("  end");
  }
  for (const marked of shown) {
    const arrow = marked.change === "added" ? "-->" : "-.->";
    lines.push(`  ${id.get(marked.edge.from)} ${arrow}|"${mermaidText(edgeLabel(marked))}"| ${id.get(marked.edge.to)}`);
  }
  for (const [i, { edge, change }] of shown.entries()) {
    const colour = change === "added" ? "#16a34a" : "#dc2626";
    lines.push(`  linkStyle ${i} stroke:${colour},stroke-width:${edge.crossNamespace ? 4 : 2}px${change === "removed" ? ",stroke-dasharray:5 5" : ""}`);
  }
  return lines;
}

/** The environments grouped by identical changes, in report order of each group's first environment. */
function groupByChange(changes: readonly CallGraphChange[]): { environments: string[]; edges: Marked[] }[] {
  const groups = new Map<string, { environments: string[]; edges: Marked[] }>();
  for (const change of changes) {
    const edges: Marked[] = [...change.added.map((edge) => ({ edge, change: "added" as const })), ...change.removed.map((edge) => ({ edge, change: "removed" as const }))];
    const key = JSON.stringify(edges);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { environments: [change.environment], edges });
    else group.environments.push(change.environment);
  }
  return [...groups.values()];
}

/**
 * The pull-request comment's call-graph section: for each set of environments with the same changes, a Mermaid
 * diagram (GitHub draws it) of only the calls the change adds or removes, cross-tenant ones marked, and the same
 * edges as a list. No lines when no call changed.
 */
export function callGraphMarkdown(changes: readonly CallGraphChange[]): string[] {
  if (changes.length === 0) return [];
  const lines = ["**Call graph changes** (who may call whom)", ""];
  for (const { environments, edges } of groupByChange(changes)) {
    lines.push(`${environments.map(markdownText).join(", ")}:`, "", "```mermaid", ...diagram(edges), "```", "");
    if (edges.length > MAX_DIAGRAM_EDGES) lines.push(`Only the first ${MAX_DIAGRAM_EDGES} of ${edges.length} changed calls are shown; \`npx cloudlab graph\` draws the whole mesh.`, "");
    for (const marked of edges.slice(0, MAX_DIAGRAM_EDGES)) {
      lines.push(`- ${marked.change === "added" ? "added" : "removed"}: ${markdownText(marked.edge.from)} → ${markdownText(marked.edge.to)}${marked.edge.crossNamespace ? " (cross-tenant)" : ""}${marked.edge.operations.length === 0 ? "" : `: ${marked.edge.operations.map(markdownText).join("; ")}`}`);
    }
    lines.push("");
  }
  return lines;
}

import { operationLabels, versionLabel, type MeshGraph, type MeshNode } from "./mesh-graph.ts";

/** Text inside a quoted Mermaid label: quotes and angle brackets as Mermaid's entity codes. */
export function mermaidText(text: string): string {
  return text.replace(/[#"<>]/g, (c) => `#${c.charCodeAt(0)};`);
}

function nodeLine(id: string, node: MeshNode): string {
  if (node.kind === "ingress") return `${id}(["${mermaidText(node.host)}"])`;
  const versions = versionLabel(node);
  const stateful = node.workload === "stateful" ? "[(" : "[";
  const close = node.workload === "stateful" ? ")]" : "]";
  return `${id}${stateful}"${mermaidText(node.name)}${versions === "" ? "" : `<br/><small>${mermaidText(versions)}</small>`}"${close}`;
}

/**
 * The mesh of one or more environments as one Mermaid flowchart (left to right): a subgraph per environment, in it a
 * subgraph per tenant holding its services (stateful ones as cylinders, versions under the name) and the ingress hosts
 * as stadiums; calls are arrows labelled with what the callee accepts, dotted when they cross tenants.
 */
export function meshMermaid(graphs: readonly MeshGraph[]): string {
  const lines = ["flowchart LR"];
  const crossTenant: number[] = [];
  let edgeIndex = 0;
  for (const [g, graph] of graphs.entries()) {
    const ids = new Map(graph.nodes.map((node, n) => [node.id, `e${g}n${n}`]));
    const node = (id: string) => graph.nodes.find((n) => n.id === id)!;
    lines.push(`  subgraph e${g}["${mermaidText(graph.environment)}"]`, "    direction LR");
    for (const n of graph.nodes) if (n.kind === "ingress") lines.push(`    ${nodeLine(ids.get(n.id)!, n)}`);
    for (const [t, tenant] of graph.tenants.entries()) {
      lines.push(`    subgraph e${g}t${t}["tenant ${mermaidText(tenant.name)}"]`);
      for (const id of tenant.services) lines.push(`      ${nodeLine(ids.get(id)!, node(id))}`);
      lines.push("    end");
    }
    lines.push("  end");
    for (const edge of graph.edges) {
      const labels = [...operationLabels(edge), ...(edge.crossTenant ? ["cross-tenant"] : [])];
      const arrow = edge.crossTenant ? "-.->" : "-->";
      lines.push(`  ${ids.get(edge.from)} ${arrow}${labels.length === 0 ? "" : `|"${mermaidText(labels.join("; "))}"|`} ${ids.get(edge.to)}`);
      if (edge.crossTenant) crossTenant.push(edgeIndex);
      edgeIndex++;
    }
  }
  if (crossTenant.length > 0) lines.push(`  linkStyle ${crossTenant.join(",")} stroke:#c2410c,stroke-width:2px`);
  return `${lines.join("\n")}\n`;
}

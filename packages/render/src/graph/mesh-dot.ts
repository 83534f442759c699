import { operationLabels, versionLabel, type MeshGraph, type MeshNode } from "./mesh-graph.ts";

/** A Graphviz quoted string. */
export function dotString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, "\\n")}"`;
}

function nodeAttributes(node: MeshNode): string {
  if (node.kind === "ingress") return `label=${dotString(node.host)}, shape=oval, style=dashed`;
  const versions = versionLabel(node);
  const label = versions === "" ? node.name : `${node.name}\n${versions}`;
  return `label=${dotString(label)}, shape=${node.workload === "stateful" ? "cylinder" : "box"}`;
}

/**
 * The mesh of one or more environments as one Graphviz digraph (left to right): a cluster per environment, in it a
 * cluster per tenant; ingress hosts dashed ovals; calls labelled with what the callee accepts, dashed and orange when
 * they cross tenants. Node ids are `<environment>/<tenant>/<service>` and `<environment>/ingress:<host>`.
 */
export function meshDot(graphs: readonly MeshGraph[]): string {
  const lines = ["digraph mesh {", "  rankdir=LR;", "  node [fontname=\"Helvetica\"];", "  edge [fontname=\"Helvetica\", fontsize=10];"];
  for (const [g, graph] of graphs.entries()) {
    const id = (nodeId: string) => dotString(`${graph.environment}/${nodeId}`);
    lines.push(`  subgraph cluster_${g} {`, `    label=${dotString(graph.environment)};`);
    for (const node of graph.nodes) if (node.kind === "ingress") lines.push(`    ${id(node.id)} [${nodeAttributes(node)}];`);
    for (const [t, tenant] of graph.tenants.entries()) {
      lines.push(`    subgraph cluster_${g}_${t} {`, `      label=${dotString(`tenant ${tenant.name}`)};`);
      for (const serviceId of tenant.services) lines.push(`      ${id(serviceId)} [${nodeAttributes(graph.nodes.find((n) => n.id === serviceId)!)}];`);
      lines.push("    }");
    }
    lines.push("  }");
    for (const edge of graph.edges) {
      const labels = [...operationLabels(edge), ...(edge.crossTenant ? ["cross-tenant"] : [])];
      const attributes = [
        ...(labels.length === 0 ? [] : [`label=${dotString(labels.join("\n"))}`]),
        ...(edge.crossTenant ? ["style=dashed", "color=\"#c2410c\""] : []),
      ];
      lines.push(`  ${id(edge.from)} -> ${id(edge.to)}${attributes.length === 0 ? "" : ` [${attributes.join(", ")}]`};`);
    }
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

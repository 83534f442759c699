export {
  buildMeshGraph,
  operationLabels,
  serviceNodeId,
  versionLabel,
  type MeshEdge,
  type MeshGraph,
  type MeshIngressNode,
  type MeshNode,
  type MeshOperation,
  type MeshServiceNode,
  type MeshTenant,
  type MeshVersion,
} from "./mesh-graph.ts";
export { layeredLayout, type LaidOutEdge, type Layout, type LayoutEdge, type LayoutNode, type LayoutOptions, type PlacedNode, type Point } from "./layered-layout.ts";
export { meshMermaid, mermaidText } from "./mesh-mermaid.ts";
export { meshDot, dotString } from "./mesh-dot.ts";
export { meshHtml, escapeHtml } from "./mesh-html.ts";

import { formatCpu, formatMemory, type EnvironmentCapacity } from "@cloudlab/model";

function pad(cells: readonly string[][]): string[] {
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  return cells.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd());
}

/** The per-environment capacity summary `synth` prints: pods, CPU and memory requested at min and max replicas. */
export function capacityTable(capacity: readonly EnvironmentCapacity[]): string {
  const rows = [
    ["environment", "pods (min → max)", "CPU requests (min → max)", "memory requests (min → max)"],
    ...capacity.map((c) => [
      c.environment,
      `${c.atMin.pods} → ${c.atMax.pods}`,
      `${formatCpu(c.atMin.cpuRequests)} → ${formatCpu(c.atMax.cpuRequests)}`,
      `${formatMemory(c.atMin.memoryRequests)} → ${formatMemory(c.atMax.memoryRequests)}`,
    ]),
  ];
  return `capacity (app containers + Istio sidecars):\n${pad(rows).map((line) => `  ${line}`).join("\n")}\n`;
}

import { parseQuantity } from "@cloudlab/model";

/** Observed usage of one container, e.g. the 7-day p95 from monitoring: quantities as Kubernetes writes them. */
export interface ObservedUsage {
  /**
   * CPU, e.g. `180m`.
   * @default no CPU hint
   */
  readonly cpu?: string;
  /**
   * Memory (working set), e.g. `300Mi`.
   * @default no memory hint
   */
  readonly memory?: string;
}

/**
 * Usage hints: what containers were observed to use, by environment, then by `namespace/workload/container`
 * (e.g. `{"prod-us-west-2": {"boutique/frontend/server": {"cpu": "180m", "memory": "96Mi"}}}`). The platform does not
 * collect them; a monitoring job exports the file and `cloudlab diff --usage-hints FILE` reads it.
 */
export type UsageHints = Readonly<Record<string, Readonly<Record<string, ObservedUsage>>>>;

/** Usage hints read from JSON, or what is wrong with it (each message starts with the path of the field). */
export interface ParsedUsageHints {
  readonly hints: UsageHints;
  readonly problems: readonly string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isQuantity(value: string): boolean {
  try {
    parseQuantity(value);
    return true;
  } catch {
    return false;
  }
}

/** Checks parsed JSON against the usage hints format. */
export function parseUsageHints(json: unknown): ParsedUsageHints {
  const problems: string[] = [];
  if (!isRecord(json)) return { hints: {}, problems: ["(root): must be an object keyed by environment"] };
  const hints: Record<string, Record<string, ObservedUsage>> = {};
  for (const [environment, containers] of Object.entries(json)) {
    if (!isRecord(containers)) {
      problems.push(`${environment}: must be an object keyed by "namespace/workload/container"`);
      continue;
    }
    const byContainer: Record<string, ObservedUsage> = {};
    for (const [container, usage] of Object.entries(containers)) {
      const where = `${environment}.${container}`;
      if (container.split("/").length !== 3 || container.split("/").some((part) => part === "")) {
        problems.push(`${where}: the key must be "namespace/workload/container"`);
        continue;
      }
      if (!isRecord(usage)) {
        problems.push(`${where}: must be an object with cpu and/or memory`);
        continue;
      }
      const observed: { cpu?: string; memory?: string } = {};
      for (const [resource, value] of Object.entries(usage)) {
        if (resource !== "cpu" && resource !== "memory") problems.push(`${where}.${resource}: unknown resource (cpu or memory)`);
        else if (typeof value !== "string" || !isQuantity(value)) problems.push(`${where}.${resource}: ${JSON.stringify(value)} is not a quantity`);
        else observed[resource] = value;
      }
      byContainer[container] = observed;
    }
    hints[environment] = byContainer;
  }
  return { hints: problems.length > 0 ? {} : hints, problems };
}

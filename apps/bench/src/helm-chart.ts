import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveEnvironment, type PlatformDefinition } from "@cloudlab/model";

/** The chart's static part (Chart.yaml and templates), kept next to this app. */
const CHART_SOURCE = fileURLToPath(new URL("../chart/", import.meta.url));

/**
 * The values a Helm user would write for the same platform: the raw service specs, the tenants, and per environment
 * its stage presets and overrides. The templates do the defaulting, as a real chart would.
 */
export function helmValues(definition: PlatformDefinition): Record<string, unknown> {
  return {
    tenants: definition.tenants.map(({ spec }) => ({ name: spec.name, team: spec.team })),
    environments: definition.environments.map((sourced) => {
      const env = resolveEnvironment(sourced);
      return {
        name: env.name,
        stage: env.stage,
        storageClass: env.cluster.storageClass,
        autoscaling: env.defaults.autoscaling === "on",
        replicas: env.defaults.replicas,
        ...(env.defaults.maxReplicasCap === undefined ? {} : { maxReplicasCap: env.defaults.maxReplicasCap }),
        resources: env.defaults.resources,
        overrides: sourced.spec.overrides ?? {},
      };
    }),
    services: definition.services.map(({ spec }) => spec),
  };
}

/** Writes the chart into `dir` (replacing it): the static templates plus a generated `values.yaml`. */
export function writeHelmChart(dir: string, definition: PlatformDefinition): { valuesBytes: number } {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(CHART_SOURCE, dir, { recursive: true });
  // JSON is YAML: Helm reads it as values.yaml, and it is much faster to produce for thousands of services.
  const values = `${JSON.stringify(helmValues(definition))}\n`;
  writeFileSync(join(dir, "values.yaml"), values);
  return { valuesBytes: Buffer.byteLength(values) };
}

/** Objects Helm rendered under `dir` (its `--output-dir`), counted per kind from each document's top-level `kind:`. */
export function countHelmObjects(dir: string): { kinds: Map<string, number>; files: number } {
  const kinds = new Map<string, number>();
  let files = 0;
  const walk = (path: string) => {
    for (const entry of readdirSync(path)) {
      const full = join(path, entry);
      if (statSync(full).isDirectory()) walk(full);
      else {
        files++;
        for (const match of readFileSync(full, "utf8").matchAll(/^kind: *([A-Za-z0-9]+)\s*$/gm)) {
          kinds.set(match[1]!, (kinds.get(match[1]!) ?? 0) + 1);
        }
      }
    }
  };
  walk(dir);
  return { kinds, files };
}

import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { resolveEnvironment, type PlatformDefinition } from "@cloudlab/model";
import type { RenderedFile } from "@cloudlab/render";
import { parse } from "yaml";

/** The chart's static part (Chart.yaml and templates), kept next to this app. */
const CHART_SOURCE = fileURLToPath(new URL("../chart/", import.meta.url));

/**
 * The values a Helm user would write for the same platform: the raw service specs, the tenants, and per environment
 * its settings (stage presets, cluster, mesh, observability, delivery, backups) and overrides, as a per-environment
 * values file would spell them out. The templates do the rest of the defaulting, as a real chart would: the services'
 * fields, scaling and DR standby, the call graph, peers, add-ons, node group sizes, alert rules and dashboards.
 */
export function helmValues(definition: PlatformDefinition): Record<string, unknown> {
  return {
    tenants: definition.tenants.map(({ spec }) => ({
      name: spec.name,
      team: spec.team,
      ...(spec.quota === undefined ? {} : { quota: spec.quota }),
      ...(spec.secrets === undefined ? {} : { secrets: spec.secrets }),
    })),
    environments: definition.environments.map((sourced) => {
      const env = resolveEnvironment(sourced);
      return {
        name: env.name,
        stage: env.stage,
        cluster: {
          name: env.cluster.name,
          provider: env.cluster.provider,
          region: env.cluster.region,
          role: env.cluster.role,
          network: env.cluster.network,
          storageClass: env.cluster.storageClass,
          instanceType: env.cluster.instanceType,
          zones: env.cluster.zones,
          ...(env.cluster.gcpProject === undefined ? {} : { gcpProject: env.cluster.gcpProject }),
        },
        versions: env.versions,
        autoscaling: env.defaults.autoscaling === "on",
        replicas: env.defaults.replicas,
        ...(env.defaults.maxReplicasCap === undefined ? {} : { maxReplicasCap: env.defaults.maxReplicasCap }),
        drMinReplicasPercent: env.defaults.drMinReplicasPercent,
        resources: env.defaults.resources,
        topologySpread: env.defaults.topologySpread,
        sidecarResources: env.defaults.sidecarResources,
        mesh: env.mesh,
        observability: env.observability,
        delivery: env.delivery,
        backups: env.backups,
        secrets: env.secrets,
        certificates: env.certificates,
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

function walkFiles(dir: string, visit: (path: string) => void): void {
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walkFiles(full, visit);
    else visit(full);
  }
}

/** The same value with object keys sorted, as a string: equal for objects that differ only in key order or quoting. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(record[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

interface Manifest {
  kind: string;
  metadata: { name: string; namespace?: string };
}

function objectKey(environment: string, manifest: Manifest): string {
  return `${environment}/${manifest.kind}/${manifest.metadata.namespace ?? ""}/${manifest.metadata.name}`;
}

/** How Helm's objects compare with cloudlab's, parsed and compared as data (key order and quoting aside). */
export interface HelmComparison {
  readonly identical: number;
  readonly different: readonly string[];
  readonly onlyCloudlab: readonly string[];
  readonly onlyHelm: readonly string[];
}

/**
 * Compares the objects Helm wrote under `dir` (each document carries a `# <environment>` comment) with cloudlab's
 * rendered files (`<environment>/…`). Not timed: it checks that the comparison is like for like.
 */
export function compareWithCloudlab(dir: string, files: readonly RenderedFile[]): HelmComparison {
  const helm = new Map<string, string>();
  walkFiles(dir, (path) => {
    for (const document of readFileSync(path, "utf8").split(/^---\s*$/m)) {
      const environment = /^# ([a-z0-9-]+)\s*$/m.exec(document.replace(/^# Source:.*$/m, ""))?.[1];
      const manifest = parse(document) as Manifest | null;
      if (environment === undefined || manifest === null || typeof manifest !== "object") continue;
      helm.set(objectKey(environment, manifest), canonical(manifest));
    }
  });
  let identical = 0;
  const different: string[] = [];
  const onlyCloudlab: string[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    if (/(^|\/)kustomization\.yaml$/.test(file.path)) continue;
    const manifest = parse(file.content) as Manifest;
    const key = objectKey(file.path.slice(0, file.path.indexOf("/")), manifest);
    seen.add(key);
    const theirs = helm.get(key);
    if (theirs === undefined) onlyCloudlab.push(key);
    else if (theirs === canonical(manifest)) identical++;
    else different.push(key);
  }
  const onlyHelm = [...helm.keys()].filter((k) => !seen.has(k));
  return { identical, different, onlyCloudlab, onlyHelm };
}

/** Objects Helm rendered under `dir` (its `--output-dir`), counted per kind from each document's top-level `kind:`. */
export function countHelmObjects(dir: string): { kinds: Map<string, number>; files: number; bytes: number } {
  const kinds = new Map<string, number>();
  let files = 0;
  let bytes = 0;
  walkFiles(dir, (path) => {
    files++;
    const text = readFileSync(path, "utf8");
    bytes += Buffer.byteLength(text);
    for (const match of text.matchAll(/^kind: *([A-Za-z0-9]+)\s*$/gm)) {
      kinds.set(match[1]!, (kinds.get(match[1]!) ?? 0) + 1);
    }
  });
  return { kinds, files, bytes };
}

import { promqlProblemsOf, type PlainManifest } from "@cloudlab/constructs";
import { objectId, type Manifest, type ObjectFinding } from "./manifest.ts";

/**
 * Every PromQL expression of the rendered alerts and dashboards parses (with the Prometheus project's own PromQL
 * grammar) and selects only metrics the platform emits: a rule or panel over a series that never exists would stay
 * silent. Covers PrometheusRules, Grafana dashboard ConfigMaps and the `prometheus-config` alert rules, whatever
 * produced them.
 */
export function promqlValid(manifests: readonly Manifest[]): ObjectFinding[] {
  return manifests.flatMap((manifest) =>
    promqlProblemsOf(manifest as unknown as PlainManifest).map(({ path, message }) => ({ object: objectId(manifest), message: `${path}: ${message}` })),
  );
}

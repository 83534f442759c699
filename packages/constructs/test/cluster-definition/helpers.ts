import { existsSync, readdirSync } from "node:fs";
import type { EnvironmentModel, EnvironmentSpec, PlatformDefinition, Sourced } from "@cloudlab/model";
import { stringify } from "yaml";
import type { ModelObject } from "../../src/index.ts";
import { fixturePlatform, resolveModels, sourcedEnvironment } from "../fixtures.ts";

/**
 * The GKE fixture: the fixture platform's services on two GKE prod clusters, a primary in us-central1 and a DR
 * standby in us-east4, in the Google Cloud project `cloudlab-prod`.
 */
export function gkeEnvironments(changes: Partial<EnvironmentSpec["cluster"]> = {}): Sourced<EnvironmentSpec>[] {
  return [
    sourcedEnvironment({
      name: "prod-us-central1",
      stage: "prod",
      cluster: { name: "prod-us-central1", provider: "gke", region: "us-central1", role: "primary", gcpProject: "cloudlab-prod", ...changes },
    }),
    sourcedEnvironment({
      name: "prod-us-east4",
      stage: "prod",
      cluster: { name: "prod-us-east4", provider: "gke", region: "us-east4", role: "dr", gcpProject: "cloudlab-prod", ...changes },
    }),
  ];
}

/** The GKE fixture platform. */
export function gkePlatform(changes: Partial<EnvironmentSpec["cluster"]> = {}): PlatformDefinition {
  return fixturePlatform({ environments: gkeEnvironments(changes) });
}

/** One environment's model of the GKE fixture. */
export function gkeModel(environment: "prod-us-central1" | "prod-us-east4", changes: Partial<EnvironmentSpec["cluster"]> = {}): EnvironmentModel {
  const model = resolveModels(gkePlatform(changes)).find((m) => m.environment.name === environment);
  if (model === undefined) throw new Error(`no environment ${environment}`);
  return model;
}

/**
 * A model whose resolved cluster is changed by hand: what the model's checks refuse in a spec (environments/eks-cluster,
 * environments/gke-cluster), to test the cluster definitions' own safety net.
 */
export function withCluster(model: EnvironmentModel, changes: Partial<EnvironmentModel["environment"]["cluster"]>): EnvironmentModel {
  return { ...model, environment: { ...model.environment, cluster: { ...model.environment.cluster, ...changes } } };
}

/** The environments of the (EKS) fixture platform, in report order. */
export const EKS_ENVIRONMENTS = ["dev", "staging", "prod-us-west-2", "prod-us-east-1"] as const;

/** A built object as the JSON document it renders. */
export function documentOf(object: ModelObject): Record<string, any> {
  return object.toJSON() as Record<string, any>;
}

const FIRST = ["apiVersion", "kind", "metadata"];

function keyRank(key: unknown): number {
  const index = FIRST.indexOf(String(key));
  return index === -1 ? FIRST.length : index;
}

/**
 * A golden file's text: the document as YAML, `apiVersion`, `kind`, `metadata` first and the other keys sorted, like
 * the renderer's canonical form (whose exact bytes render's own tests check).
 */
export function goldenYaml(object: ModelObject): string {
  return stringify(object.toJSON(), {
    lineWidth: 0,
    sortMapEntries: (a, b) => {
      const [x, y] = [String((a.key as { value?: unknown }).value ?? a.key), String((b.key as { value?: unknown }).value ?? b.key)];
      return keyRank(x) - keyRank(y) || (x < y ? -1 : x > y ? 1 : 0);
    },
  });
}

/** `<kind>-<name>.yaml`, as the renderer names the file. */
export function fileNameOf(object: ModelObject): string {
  const document = documentOf(object);
  return `${String(document.kind).toLowerCase()}-${String(document.metadata.name)}.yaml`;
}

/** Golden files under `dir` that are not in `rendered` (a stale golden must be deleted by hand), sorted. */
export function staleGoldens(dir: string, rendered: readonly string[]): string[] {
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  return names.filter((name) => !rendered.includes(name));
}

import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { environmentCapacity, resolvePlatform, type EnvironmentModel } from "@cloudlab/model";
import { synthesize, type Synthesis } from "@cloudlab/render";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadPlatform } from "../../cli/src/load-platform.ts";

/** The sample platform's cluster definitions and backup objects, as `npm run synth` renders them into environments/. */

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const ENVIRONMENTS = ["dev", "staging", "prod-us-west-2", "prod-us-east-1"];

let synthesis: Synthesis;
let models: readonly EnvironmentModel[];

beforeAll(async () => {
  const definition = await loadPlatform("apps/platform", REPO_ROOT);
  synthesis = synthesize(definition);
  models = resolvePlatform(definition).models;
}, 120_000);

function paths(prefix: string): string[] {
  return synthesis.files.map((f) => f.path).filter((p) => p.startsWith(prefix));
}

function yamlAt(path: string): Record<string, any> {
  const file = synthesis.files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`${path} is not rendered`);
  return parse(file.content) as Record<string, any>;
}

describe("the sample's cluster definitions (environments/<env>/_infra/)", () => {
  it("render without problems", () => {
    expect([...synthesis.specErrors, ...synthesis.renderProblems]).toEqual([]);
  });

  it("is an eksctl ClusterConfig per environment, and the DR cluster's Restore of boutique", () => {
    expect(paths("dev/_infra/")).toEqual(["dev/_infra/clusterconfig-dev-us-west-2.yaml"]);
    expect(paths("staging/_infra/")).toEqual(["staging/_infra/clusterconfig-staging-us-west-2.yaml"]);
    expect(paths("prod-us-west-2/_infra/")).toEqual(["prod-us-west-2/_infra/clusterconfig-prod-us-west-2.yaml"]);
    expect(paths("prod-us-east-1/_infra/")).toEqual([
      "prod-us-east-1/_infra/clusterconfig-prod-us-east-1.yaml",
      "prod-us-east-1/_infra/restore-boutique-from-prod-us-west-2.yaml",
    ]);
  });

  it("sizes each node group so the services' max-replica requests fit, with headroom", () => {
    for (const model of models) {
      const env = model.environment;
      const config = yamlAt(`${env.name}/_infra/clusterconfig-${env.cluster.name}.yaml`);
      expect(config.metadata).toMatchObject({ name: env.cluster.name, region: env.cluster.region, version: "1.28" });
      const [group] = config.managedNodeGroups;
      const atMax = environmentCapacity(model).atMax;
      // m6i.xlarge: 3.92 allocatable cores, 58 pod slots.
      expect(group.instanceType).toBe("m6i.xlarge");
      expect(group.maxSize * 3.92 * 0.75, env.name).toBeGreaterThan(atMax.cpuRequests);
      expect(group.maxSize * (58 - 8), env.name).toBeGreaterThan(atMax.pods);
      expect(group.minSize).toBeLessThanOrEqual(group.maxSize);
    }
  });

  it("is in no kustomization and carries no Argo CD annotation (applied by hand, never synced)", () => {
    for (const env of ENVIRONMENTS) {
      for (const kustomization of paths(`${env}/`).filter((p) => p.endsWith("kustomization.yaml"))) {
        expect((yamlAt(kustomization).resources as string[]).some((r) => r.includes("_infra/")), kustomization).toBe(false);
      }
      expect(paths(`${env}/_infra/`).some((p) => p.endsWith("kustomization.yaml"))).toBe(false);
      for (const path of paths(`${env}/_infra/`)) expect(yamlAt(path).metadata.annotations, path).toBeUndefined();
    }
  });
});

describe("the sample's backups", () => {
  it("schedules boutique (redis-cart is stateful) in staging and both prod clusters, cloud-lab nowhere, nothing in dev", () => {
    const schedules = synthesis.files.map((f) => f.path).filter((p) => /\/_cluster\/schedule-/.test(p));
    expect(schedules).toEqual([
      "prod-us-east-1/_cluster/schedule-boutique-prod-us-east-1.yaml",
      "prod-us-west-2/_cluster/schedule-boutique-prod-us-west-2.yaml",
      "staging/_cluster/schedule-boutique-staging.yaml",
    ]);
    expect(yamlAt(schedules[0]!).spec.template.ttl).toBe("720h");
    expect(yamlAt(schedules[1]!).spec.template.ttl).toBe("720h");
    expect(yamlAt(schedules[2]!).spec.template.ttl).toBe("168h");
  });

  it("restores redis-cart's claims in the DR cluster from the primary's latest backup", () => {
    expect(yamlAt("prod-us-east-1/_infra/restore-boutique-from-prod-us-west-2.yaml").spec).toMatchObject({
      scheduleName: "boutique-prod-us-west-2",
      includedNamespaces: ["boutique"],
      labelSelector: { matchExpressions: [{ key: "app.kubernetes.io/name", operator: "In", values: ["redis-cart"] }] },
    });
  });
});

import type { RenderedFile } from "@cloudlab/render";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENVIRONMENTS, loadSample, objectsOf, render } from "./sample-render.ts";

/** The sample platform's rendered delivery: what Argo CD (or Flux) syncs into each cluster. */
let files: readonly RenderedFile[];

beforeAll(async () => {
  files = render(await loadSample()).files;
});

const PLATFORM_REPO = "https://github.com/cloud-lab/platform.git";

describe("HPA-managed replicas and Argo CD", () => {
  /** The workloads an HPA may scale: Deployments, and the Argo Rollouts that replace them for progressive delivery. */
  const SCALABLE = new Set(["Deployment", "Rollout"]);

  it.each([...ENVIRONMENTS])("%s: every Deployment or Rollout an HPA scales leaves spec.replicas out, every other one sets it", (env) => {
    const objects = objectsOf(files, `${env}/`).map(({ object }) => object);
    const scaled = new Set(
      objects.filter((o) => o.kind === "HorizontalPodAutoscaler").map((hpa) => `${hpa.metadata.namespace}/${hpa.spec.scaleTargetRef.kind}/${hpa.spec.scaleTargetRef.name}`),
    );
    const workloads = objects.filter((o) => SCALABLE.has(o.kind));
    expect(workloads.length).toBeGreaterThan(0);
    const keyOf = (o: (typeof objects)[number]) => `${o.metadata.namespace}/${o.kind}/${o.metadata.name}`;
    for (const workload of workloads) {
      const key = keyOf(workload);
      if (scaled.has(key)) expect(workload.spec, key).not.toHaveProperty("replicas");
      else expect(workload.spec.replicas, key).toBeGreaterThanOrEqual(1);
    }
    // Every HPA targets a rendered Deployment or Rollout.
    for (const key of scaled) expect(workloads.some((w) => keyOf(w) === key), key).toBe(true);
  });

  it("autoscales in staging and prod only (dev runs fixed replicas); a canary's one Rollout has one HPA", () => {
    const count = (env: string) => objectsOf(files, `${env}/`).filter(({ object }) => object.kind === "HorizontalPodAutoscaler").length;
    // 11 services autoscale in staging and prod; cloud-lab-service's v1 and v2 Deployments are one Rollout there.
    expect(ENVIRONMENTS.map(count)).toEqual([0, 11, 11, 11]);
  });

  it("so an Application ignores differences only in what Argo Rollouts owns: the weights and subset hashes of a Rollout's own route", () => {
    const applications = objectsOf(files).filter(({ object }) => object.kind === "Application");
    expect(applications.length).toBeGreaterThan(0);
    for (const { path, object } of applications) {
      const ignored = (object.spec.ignoreDifferences ?? []) as { group: string; kind: string; name: string; namespace: string }[];
      if (ignored.length === 0) continue;
      const folder = object.spec.source.path as string;
      const rollouts = new Set(
        objectsOf(files, `${folder.replace(/^environments\//, "")}/`)
          .filter(({ object: o }) => o.kind === "Rollout")
          .map(({ object: o }) => `${o.metadata.namespace}/${o.metadata.name}`),
      );
      for (const entry of ignored as (typeof ignored[number] & { jqPathExpressions: string[] })[]) {
        const what = `${path}: ${entry.group}/${entry.kind} ${entry.name}`;
        // A canary's VirtualService weights and DestinationRule subset hashes, a blue-green's active and preview
        // Services' selector hash: nothing else.
        expect(["networking.istio.io/VirtualService", "networking.istio.io/DestinationRule", "/Service"], what).toContain(`${entry.group}/${entry.kind}`);
        expect(rollouts.has(`${entry.namespace}/${entry.name.replace(/-preview$/, "")}`), `${what} belongs to a Rollout`).toBe(true);
        for (const expression of entry.jqPathExpressions) expect(expression, what).toMatch(/\.weight$|rollouts-pod-template-hash/);
      }
    }
    // The platform's own Applications (add-ons, _cluster, the root) ignore nothing.
    const platform = applications.filter(({ object }) => !["boutique", "cloud-lab"].includes(object.metadata.name));
    for (const { path, object } of platform) expect(object.spec, path).not.toHaveProperty("ignoreDifferences");
  });
});

describe("delivery paths of the sample platform", () => {
  const rendered = () => new Set(files.map((f) => `environments/${f.path}`));

  it.each([...ENVIRONMENTS])("%s: every Application path into the platform repository is a rendered folder whose kustomization lists rendered files", (env) => {
    const paths = rendered();
    const applications = objectsOf(files, `${env}/`).filter(({ object }) => object.kind === "Application" && object.spec.source.repoURL === PLATFORM_REPO);
    expect(applications.map(({ object }) => `${object.metadata.name} → ${object.spec.source.path}`).sort()).toEqual(
      [
        `boutique → environments/${env}/boutique`,
        `cloud-lab → environments/${env}/cloud-lab`,
        `platform → environments/${env}/_cluster`,
        `root → environments/${env}/_argocd`,
      ].sort(),
    );
    for (const { object } of applications) {
      const folder = object.spec.source.path as string;
      const index = files.find((f) => `environments/${f.path}` === `${folder}/kustomization.yaml`);
      expect(index, folder).toBeDefined();
      const listed = (parse(index!.content) as { resources: string[] }).resources;
      expect(listed.length, folder).toBeGreaterThanOrEqual(1);
      for (const file of listed) expect(paths.has(`${folder}/${file}`), `${folder}/${file}`).toBe(true);
    }
  });

  it("renders no Flux objects: the sample environments choose Argo CD only", () => {
    expect(files.filter((f) => f.path.includes("/_flux/") || f.path.includes("/_bootstrap/flux/"))).toEqual([]);
  });
});

describe("locality failover in the sample platform", () => {
  const FAILOVER = [
    { from: "us-east-1", to: "us-west-2" },
    { from: "us-west-2", to: "us-east-1" },
  ];

  it.each(["prod-us-west-2", "prod-us-east-1"])("%s: every DestinationRule fails over between the prod regions and sets outlier detection", (env) => {
    const rules = objectsOf(files, `${env}/`).filter(({ object }) => object.kind === "DestinationRule");
    expect(rules).toHaveLength(12);
    for (const { path, object } of rules) {
      expect(object.spec.trafficPolicy.loadBalancer.localityLbSetting, path).toEqual({ enabled: true, failover: FAILOVER });
      expect(object.spec.trafficPolicy.outlierDetection, path).toMatchObject({ consecutive5xxErrors: expect.any(Number), interval: expect.any(String) });
    }
  });

  it.each(["dev", "staging"])("%s: no failover (one cluster)", (env) => {
    const rules = objectsOf(files, `${env}/`).filter(({ object }) => object.kind === "DestinationRule");
    expect(rules).toHaveLength(12);
    for (const { path, object } of rules) expect(object.spec.trafficPolicy.loadBalancer.localityLbSetting, path).toEqual({ enabled: true });
  });
});

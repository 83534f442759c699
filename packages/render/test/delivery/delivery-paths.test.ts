import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { synthesize } from "../../src/index.ts";
import { ENVIRONMENTS } from "../fixtures.ts";
import { deliveryPlatform, objectsUnder, PLATFORM_REPO } from "./delivery-fixture.ts";

/**
 * Every path a delivery object points at inside the platform repository is a folder of the render that builds:
 * it has a kustomization.yaml listing at least one file, and every listed file is rendered.
 */
const { files } = synthesize(deliveryPlatform({ staging: { flux: true }, "prod-us-east-1": { argocd: true, flux: true } }));
const paths = new Set(files.map((f) => `environments/${f.path}`));

function listedFiles(folder: string): string[] {
  const index = files.find((f) => `environments/${f.path}` === `${folder}/kustomization.yaml`);
  if (index === undefined) return [];
  return (parse(index.content) as { resources: string[] }).resources;
}

/** Every repository path a delivery object of `env` points at, as `Kind/name → path` (Flux's `./` dropped). */
function pointers(env: string): Record<string, string> {
  const objects = [...objectsUnder(files, `${env}/_argocd/`), ...objectsUnder(files, `${env}/_bootstrap/`), ...objectsUnder(files, `${env}/_flux/`)];
  return Object.fromEntries(
    objects.flatMap(({ object }) => {
      const spec = object.spec!;
      if (object.kind === "Application" && spec.source.repoURL === PLATFORM_REPO) return [[`Application/${object.metadata.name}`, spec.source.path as string]];
      if (object.kind === "Kustomization" && spec.sourceRef.name === "platform") return [[`Kustomization/${object.metadata.name}`, (spec.path as string).replace(/^\.\//, "")]];
      return [];
    }),
  );
}

describe("delivery paths", () => {
  it("point the Argo CD root at _argocd/, the Flux root at _flux/, the platform at _cluster/ and each tenant at its folder", () => {
    expect(pointers("staging")).toEqual({
      "Application/platform": "environments/staging/_cluster",
      "Application/shop": "environments/staging/shop",
      "Application/storefront": "environments/staging/storefront",
      "Application/root": "environments/staging/_argocd",
      "Kustomization/root": "environments/staging/_flux",
      "Kustomization/platform": "environments/staging/_cluster",
      "Kustomization/shop": "environments/staging/shop",
      "Kustomization/storefront": "environments/staging/storefront",
    });
    expect(Object.keys(pointers("dev")).sort()).toEqual(["Application/platform", "Application/root", "Application/shop", "Application/storefront"]);
  });

  it.each([...ENVIRONMENTS])("%s: every one names a folder of the render with a kustomization.yaml listing rendered files", (env) => {
    const targets = Object.entries(pointers(env));
    expect(targets.length).toBeGreaterThanOrEqual(4);
    for (const [object, folder] of targets) {
      const listed = listedFiles(folder);
      expect(listed.length, `${object} → ${folder}`).toBeGreaterThanOrEqual(1);
      for (const file of listed) expect(paths.has(`${folder}/${file}`), `${object} → ${folder}/${file}`).toBe(true);
    }
  });

  it("points only into the environment's own folder", () => {
    for (const env of ENVIRONMENTS) {
      for (const folder of Object.values(pointers(env))) expect(folder.startsWith(`environments/${env}/`), folder).toBe(true);
    }
  });

  it("points at every synced folder: nothing but what is applied by hand (_bootstrap/, _infra/) is left unread", () => {
    for (const env of ENVIRONMENTS) {
      const synced = new Set(Object.values(pointers(env)));
      const folders = new Set(files.filter((f) => f.path.startsWith(`${env}/`)).map((f) => `environments/${env}/${f.path.split("/")[1]}`));
      folders.delete(`environments/${env}/kustomization.yaml`);
      folders.delete(`environments/${env}/_bootstrap`);
      folders.delete(`environments/${env}/_infra`);
      expect([...folders].filter((folder) => !synced.has(folder)), env).toEqual([]);
    }
  });
});

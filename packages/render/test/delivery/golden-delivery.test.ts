import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { synthesize } from "../../src/index.ts";
import { ENVIRONMENTS, filesUnder, type Manifest } from "../fixtures.ts";
import { annotationsOf, deliveryPlatform, objectsUnder, PLATFORM_REPO } from "./delivery-fixture.ts";

/**
 * Golden files of the delivery objects each environment renders (Argo CD's `_argocd/`, the bootstrap objects, and
 * Flux's `_flux/` in staging, which chooses Flux too), byte for byte, under test/golden-delivery/<env>/. After an
 * intended change, regenerate with `npx vitest run -u` and review the diff like any other change.
 */
const synthesis = synthesize(deliveryPlatform());
const GOLDEN = fileURLToPath(new URL("../golden-delivery/", import.meta.url));
const DELIVERY_FOLDERS = ["_argocd/", "_bootstrap/", "_flux/"];

const deliveryFiles = synthesis.files.filter((f) => DELIVERY_FOLDERS.some((folder) => f.path.split("/").slice(1).join("/").startsWith(folder)));

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]))
    .sort();
}

const WAVE = "argocd.argoproj.io/sync-wave";
const applications = (env: string) => objectsUnder(synthesis.files, `${env}/_argocd/`).filter(({ object }) => object.kind === "Application");
const byName = (env: string, kind: string, folder = "_argocd") =>
  new Map(objectsUnder(synthesis.files, `${env}/${folder}/`).filter(({ object }) => object.kind === kind).map(({ object }) => [object.metadata.name, object]));

describe("golden delivery files", () => {
  it("render without errors", () => {
    expect(synthesis.specErrors).toEqual([]);
    expect(synthesis.renderProblems).toEqual([]);
  });

  it("are the Argo CD folder and bootstrap of every environment, and Flux's only in staging", () => {
    const folders = [...new Set(deliveryFiles.map((f) => f.path.split("/").slice(0, -1).join("/")))].sort();
    expect(folders).toEqual([
      "dev/_argocd",
      "dev/_bootstrap/argocd",
      "prod-us-east-1/_argocd",
      "prod-us-east-1/_bootstrap/argocd",
      "prod-us-west-2/_argocd",
      "prod-us-west-2/_bootstrap/argocd",
      "staging/_argocd",
      "staging/_bootstrap/argocd",
      "staging/_bootstrap/flux",
      "staging/_flux",
    ]);
  });

  for (const file of deliveryFiles) {
    it(`matches golden-delivery/${file.path}`, async () => {
      await expect(file.content).toMatchFileSnapshot(`../golden-delivery/${file.path}`);
    });
  }

  // A missing golden file fails its snapshot above (in CI; locally it is written); a stale one is caught here.
  it("has no golden file that is no longer rendered", () => {
    const rendered = new Set(deliveryFiles.map((f) => f.path));
    expect(walk(GOLDEN).map((path) => relative(GOLDEN, path).split("\\").join("/")).filter((path) => !rendered.has(path))).toEqual([]);
  });
});

describe("what the golden delivery files say: Argo CD", () => {
  it.each([...ENVIRONMENTS])("%s: every Application syncs automatically with prune and self-heal, never empty, never creating a namespace", (env) => {
    const apps = [...applications(env), ...objectsUnder(synthesis.files, `${env}/_bootstrap/argocd/`)].map(({ object }) => object);
    expect(apps.length).toBeGreaterThan(0);
    for (const app of apps) {
      const spec = app.spec!;
      expect(spec.syncPolicy.automated, app.metadata.name).toEqual({ prune: true, selfHeal: true, allowEmpty: false });
      expect(spec.syncPolicy.syncOptions, app.metadata.name).toContain("CreateNamespace=false");
      expect(spec, app.metadata.name).not.toHaveProperty("ignoreDifferences");
      expect(spec.destination.server, app.metadata.name).toBe("https://kubernetes.default.svc");
    }
  });

  it.each([...ENVIRONMENTS])("%s: server-side apply exactly for the large CRDs (Prometheus, Istio base, Gateway API, External Secrets, cert-manager, Argo Rollouts) and the platform", (env) => {
    const ssa = applications(env)
      .filter(({ object }) => (object.spec!.syncPolicy.syncOptions as string[]).includes("ServerSideApply=true"))
      .map(({ object }) => object.metadata.name)
      .sort();
    expect(ssa).toEqual(["argo-rollouts", "cert-manager", "external-secrets", "gateway-api-crds", "istio-base", "kube-prometheus-stack", "platform"]);
  });

  it.each([...ENVIRONMENTS])("%s: each tenant's project allows only its namespace on this cluster and no cluster-scoped kind", (env) => {
    const projects = byName(env, "AppProject");
    expect([...projects.keys()].sort()).toEqual(["platform", "shop", "storefront"]);
    for (const tenant of ["shop", "storefront"]) {
      const spec = projects.get(tenant)!.spec!;
      expect(spec.destinations, tenant).toEqual([{ server: "https://kubernetes.default.svc", namespace: tenant }]);
      expect(spec.clusterResourceWhitelist, tenant).toEqual([]);
      expect(spec.sourceRepos, tenant).toEqual([PLATFORM_REPO]);
    }
  });

  it("orders the Applications in waves: projects -10, platform -6, CRDs -5, control plane -4, gateways and observability -3, tenants 1", () => {
    const waves = (env: string) =>
      Object.fromEntries(
        objectsUnder(synthesis.files, `${env}/_argocd/`)
          .map(({ object }) => [`${object.kind}/${object.metadata.name}`, annotationsOf(object)[WAVE]])
          .sort(([a], [b]) => (a! < b! ? -1 : 1)),
      );
    const common = {
      "AppProject/platform": "-10",
      "AppProject/shop": "-10",
      "AppProject/storefront": "-10",
      "Application/platform": "-6",
      "Application/gateway-api-crds": "-5",
      "Application/istio-base": "-5",
      "Application/istio-cni": "-4",
      "Application/istiod": "-4",
      "Application/external-secrets": "-4",
      "Application/cert-manager": "-4",
      "Application/kube-prometheus-stack": "-3",
      "Application/jaeger": "-3",
      "Application/fluent-bit": "-3",
      "Application/argo-rollouts": "-3",
      "Application/shop": "1",
      "Application/storefront": "1",
    };
    // Velero backs up the stateful tenants where backups are on (staging and prod by default).
    expect(waves("dev")).toEqual(common);
    expect(waves("staging")).toEqual({ ...common, "Application/velero": "-3" });
    expect(waves("prod-us-west-2")).toEqual({ ...common, "Application/istio-eastwestgateway": "-3", "Application/velero": "-3" });
    expect(waves("prod-us-east-1")).toEqual({ ...common, "Application/istio-eastwestgateway": "-3", "Application/velero": "-3" });
  });

  it("bootstraps each cluster with one root Application of its _argocd/ folder", () => {
    for (const env of ENVIRONMENTS) {
      const root = parse(synthesis.files.find((f) => f.path === `${env}/_bootstrap/argocd/root.yaml`)!.content) as Manifest;
      expect(root.metadata.name).toBe("root");
      expect(root.spec!.project).toBe("default");
      expect(root.spec!.source).toEqual({ repoURL: PLATFORM_REPO, targetRevision: "main", path: `environments/${env}/_argocd` });
    }
  });
});

describe("what the golden delivery files say: Flux (staging)", () => {
  const kustomizations = byName("staging", "Kustomization", "_flux");
  const releases = byName("staging", "HelmRelease", "_flux");

  it("syncs each tenant after the platform, pruning and waiting", () => {
    expect([...kustomizations.keys()].sort()).toEqual(["gateway-api-crds", "platform", "shop", "storefront"]);
    for (const tenant of ["shop", "storefront"]) {
      expect(kustomizations.get(tenant)!.spec, tenant).toMatchObject({
        path: `./environments/staging/${tenant}`,
        dependsOn: [{ name: "platform" }],
        prune: true,
        wait: true,
        sourceRef: { kind: "GitRepository", name: "platform" },
      });
    }
    expect(kustomizations.get("platform")!.spec).toMatchObject({ path: "./environments/staging/_cluster", prune: true, wait: true });
    expect(kustomizations.get("platform")!.spec).not.toHaveProperty("dependsOn");
  });

  it("installs every Helm add-on from a pinned chart version", () => {
    expect(Object.fromEntries([...releases].map(([name, release]) => [name, release.spec!.chart.spec.version]))).toEqual({
      "argo-rollouts": "2.35.1",
      "cert-manager": "v1.14.5",
      "external-secrets": "0.10.5",
      "fluent-bit": "0.46.7",
      "istio-base": "1.20.8",
      "istio-cni": "1.20.8",
      istiod: "1.20.8",
      jaeger: "3.0.10",
      "kube-prometheus-stack": "56.21.4",
      velero: "7.2.1",
    });
  });

  it("is bootstrapped by the platform GitRepository and a root Kustomization of _flux/", () => {
    const bootstrap = objectsUnder(synthesis.files, "staging/_bootstrap/flux/").map(({ object }) => `${object.kind}/${object.metadata.name}`);
    expect(bootstrap).toEqual(["GitRepository/platform", "Kustomization/root"]);
    const root = objectsUnder(synthesis.files, "staging/_bootstrap/flux/").find(({ object }) => object.kind === "Kustomization")!.object;
    expect(root.spec!.path).toBe("./environments/staging/_flux");
  });
});

describe("nothing downloads anything unpinned", () => {
  const all = ENVIRONMENTS.flatMap((env) => objectsUnder(synthesis.files, `${env}/`));

  it("names an exact version for every chart, a tag for every other Git source, and the platform's branch only for itself", () => {
    const sources = all.flatMap(({ path, object }) => {
      if (object.kind === "Application") return [[path, object.spec!.source.repoURL as string, object.spec!.source.targetRevision as string, object.spec!.source.chart !== undefined]];
      if (object.kind === "HelmRelease") return [[path, object.spec!.chart.spec.sourceRef.name as string, object.spec!.chart.spec.version as string, true]];
      if (object.kind === "GitRepository") return [[path, object.spec!.url as string, (object.spec!.ref.tag ?? object.spec!.ref.branch) as string, false]];
      return [];
    });
    expect(sources.length).toBeGreaterThan(0);
    for (const [path, repo, revision, chart] of sources) {
      // Exact chart versions; cert-manager's charts are versioned with a leading `v`.
      if (chart) expect(revision, `${path}`).toMatch(/^v?\d+\.\d+\.\d+$/);
      else if (repo === PLATFORM_REPO) expect(revision, `${path}`).toBe("main");
      else expect(revision, `${path}`).toMatch(/^v\d+\.\d+\.\d+$/);
    }
  });

  it("lists only local files in every kustomization (no remote bases)", () => {
    for (const file of filesUnder(synthesis.files, "").filter((f) => f.path.endsWith("kustomization.yaml"))) {
      const { resources } = parse(file.content) as { resources: string[] };
      for (const resource of resources) expect(resource, file.path).toMatch(/^[a-z0-9_][a-z0-9_./-]*\.yaml$/);
    }
  });
});

import type { ClusterRole, EnvironmentSpec, PlatformDefinition, Sourced } from "@cloudlab/model";
import type { RenderedFile } from "@cloudlab/render";
import { beforeAll, describe, expect, it } from "vitest";
import { PRIMARY_PROD_REGION, prodRole } from "../lib/failover.ts";
import { loadSample, parseObjects, render, type KubeObject } from "./sample-render.ts";

/**
 * In every folder Argo CD delivers, the DR cluster (prod-us-east-1) differs from the primary (prod-us-west-2) only
 * where the spec says: the warm standby's lower HPA minimums and the DNS failover role. Everything else differs only by
 * the cluster's own names (environment and cluster name, Istio network, region). The one-line failover
 * (apps/platform/lib/failover.ts) swaps exactly those differences between the clusters. `_infra/` (the cluster
 * definition and restore templates, applied by hand and never synced) is compared only for the swap.
 */
const PRIMARY = "prod-us-west-2";
const DR = "prod-us-east-1";

let definition: PlatformDefinition;
let files: readonly RenderedFile[];

beforeAll(async () => {
  definition = await loadSample();
  files = render(definition).files;
});

/** The names that are a prod cluster's own: its environment and cluster name, its Istio network, its region. */
function namesOf(env: string, definition: PlatformDefinition) {
  const spec = definition.environments.find((e) => e.spec.name === env)!.spec;
  return { env, cluster: spec.cluster.name, network: spec.cluster.network ?? `network-${spec.cluster.region}`, region: spec.cluster.region };
}
type Names = ReturnType<typeof namesOf>;

/** `text` with its cluster's own names, and its peer's, as placeholders (longest first, so a region inside a name goes with the name). */
function normalisedText(text: string, self: Names, peer: Names): string {
  const placeholders = new Map<string, string>();
  for (const [names, prefix] of [
    [self, ""],
    [peer, "peer-"],
  ] as const) {
    placeholders.set(names.env, `<${prefix}env>`);
    placeholders.set(names.cluster, `<${prefix}cluster>`);
    placeholders.set(names.network, `<${prefix}network>`);
    placeholders.set(names.region, `<${prefix}region>`);
  }
  const tokens = [...placeholders.keys()].sort((a, b) => b.length - a.length).map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return text.replace(new RegExp(tokens.join("|"), "g"), (token) => placeholders.get(token)!);
}

function normalised(value: unknown, self: Names, peer: Names): unknown {
  if (typeof value === "string") return normalisedText(value, self, peer);
  if (Array.isArray(value)) return value.map((v) => normalised(v, self, peer));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [normalisedText(k, self, peer), normalised(v, self, peer)]));
  }
  return value;
}

/** One environment's objects by their path inside its folder, with the cluster's own names as placeholders. */
function objectsByPath(rendered: readonly RenderedFile[], self: Names, peer: Names): Map<string, KubeObject> {
  return new Map(
    rendered
      .filter((f) => f.path.startsWith(`${self.env}/`))
      .map((f) => {
        const objects = parseObjects(f.content);
        expect(objects, f.path).toHaveLength(1);
        return [normalisedText(f.path.slice(self.env.length + 1), self, peer), objects[0]!] as const;
      }),
  );
}

/** Every leaf that differs between `a` and `b`, with its path. */
function leafDifferences(a: unknown, b: unknown, path: string, out: { path: string; a: unknown; b: unknown }[]): typeof out {
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  const isObject = (v: unknown) => v !== null && typeof v === "object";
  if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])].sort();
    for (const key of keys) {
      const child = Array.isArray(a) ? `${path}[${key}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}${path === "" ? "" : "."}${key}` : `${path}["${key}"]`;
      leafDifferences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], child, out);
    }
    return out;
  }
  out.push({ path, a, b });
  return out;
}

/**
 * Every field that differs from environment `from` to `to`, as `file: field: value in from → value in to`, sorted by
 * file, files matched by their path with each cluster's own names as placeholders. `names`: only the differences that
 * the clusters' own names explain (the same after normalising both sides); otherwise only the others.
 */
function differences(rendered: readonly RenderedFile[], definition: PlatformDefinition, from: string, to: string, kind: "semantic" | "names", skip: (path: string) => boolean = () => false): string[] {
  const [self, peer] = [namesOf(from, definition), namesOf(to, definition)];
  const a = objectsByPath(rendered, self, peer);
  const b = objectsByPath(rendered, peer, self);
  const out: string[] = [];
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (skip(path)) continue;
    for (const leaf of leafDifferences(a.get(path), b.get(path), "", [])) {
      const explainedByNames = JSON.stringify(normalised(leaf.a, self, peer)) === JSON.stringify(normalised(leaf.b, peer, self));
      if (explainedByNames !== (kind === "names")) continue;
      out.push(`${path}: ${leaf.path === "" ? "(object)" : leaf.path}: ${JSON.stringify(leaf.a)} → ${JSON.stringify(leaf.b)}`);
    }
  }
  return out;
}

/** `_infra/` is applied by hand, never delivered (the cluster definition and restore templates): not compared here. */
const notDelivered = (path: string) => path.startsWith("_infra/");

const FAILOVER_ROLE = '["external-dns.alpha.kubernetes.io/aws-failover"]';
const hpa = (service: string, primary: number, standby: number) =>
  `boutique/${service}/horizontalpodautoscaler-${service}.yaml: spec.minReplicas: ${primary} → ${standby}`;

/** What the spec says differs from the primary to the DR cluster, beyond the clusters' own names. */
const PRIMARY_TO_DR = [
  `_cluster/gateway-platform-gateway.yaml: metadata.annotations${FAILOVER_ROLE}: "PRIMARY" → "SECONDARY"`,
  hpa("adservice", 3, 1),
  hpa("cartservice", 3, 1),
  hpa("checkoutservice", 5, 2),
  hpa("currencyservice", 3, 1),
  hpa("emailservice", 3, 1),
  hpa("frontend", 10, 3),
  `boutique/frontend/httproute-frontend.yaml: metadata.annotations${FAILOVER_ROLE}: "PRIMARY" → "SECONDARY"`,
  hpa("paymentservice", 3, 1),
  hpa("productcatalogservice", 3, 1),
  hpa("recommendationservice", 3, 1),
  hpa("shippingservice", 3, 1),
  `cloud-lab/cloud-lab-service/httproute-cloud-lab-service.yaml: metadata.annotations${FAILOVER_ROLE}: "PRIMARY" → "SECONDARY"`,
];

describe("the DR cluster against the primary (every delivered folder)", () => {
  it("renders the same files, up to the clusters' own names", () => {
    const paths = (self: string, peer: string) =>
      [...objectsByPath(files, namesOf(self, definition), namesOf(peer, definition)).keys()].filter((path) => !notDelivered(path)).sort();
    expect(paths(DR, PRIMARY)).toEqual(paths(PRIMARY, DR));
  });

  it("differs, beyond the clusters' own names, only in the warm standby's HPA minimums and the DNS failover role", () => {
    expect(differences(files, definition, PRIMARY, DR, "semantic", notDelivered)).toEqual(PRIMARY_TO_DR);
  });

  it("keeps 30 % of each autoscaled service's minimum (rounded up, at least 1) and the same maximum", () => {
    const primary = objectsByPath(files, namesOf(PRIMARY, definition), namesOf(DR, definition));
    const dr = objectsByPath(files, namesOf(DR, definition), namesOf(PRIMARY, definition));
    const hpas = [...primary.keys()].filter((path) => path.includes("/horizontalpodautoscaler-"));
    expect(hpas).toHaveLength(11); // cloud-lab-service's canary is one Rollout with one HPA
    for (const path of hpas) {
      const [p, d] = [primary.get(path)!.spec, dr.get(path)!.spec];
      expect(d.minReplicas, path).toBe(Math.max(1, Math.ceil((p.minReplicas * 30) / 100)));
      expect(d.maxReplicas, path).toBe(p.maxReplicas);
    }
  });

  it("names its own cluster, network and region where the mesh, Argo CD, Velero and external-dns need them", () => {
    expect(differences(files, definition, PRIMARY, DR, "names", notDelivered)).toEqual([
      '_argocd/application-boutique.yaml: spec.source.path: "environments/prod-us-west-2/boutique" → "environments/prod-us-east-1/boutique"',
      '_argocd/application-cloud-lab.yaml: spec.source.path: "environments/prod-us-west-2/cloud-lab" → "environments/prod-us-east-1/cloud-lab"',
      '_argocd/application-istio-eastwestgateway.yaml: spec.source.helm.valuesObject.env.ISTIO_META_REQUESTED_NETWORK_VIEW: "network-us-west-2" → "network-us-east-1"',
      '_argocd/application-istio-eastwestgateway.yaml: spec.source.helm.valuesObject.labels["topology.istio.io/network"]: "network-us-west-2" → "network-us-east-1"',
      '_argocd/application-istiod.yaml: spec.source.helm.valuesObject.global.multiCluster.clusterName: "prod-us-west-2" → "prod-us-east-1"',
      '_argocd/application-istiod.yaml: spec.source.helm.valuesObject.global.network: "network-us-west-2" → "network-us-east-1"',
      '_argocd/application-platform.yaml: spec.source.path: "environments/prod-us-west-2/_cluster" → "environments/prod-us-east-1/_cluster"',
      '_argocd/application-velero.yaml: spec.source.helm.valuesObject.configuration.backupStorageLocation[0].bucket: "cloudlab-velero-prod-us-west-2" → "cloudlab-velero-prod-us-east-1"',
      '_argocd/application-velero.yaml: spec.source.helm.valuesObject.configuration.backupStorageLocation[0].config.region: "us-west-2" → "us-east-1"',
      '_argocd/application-velero.yaml: spec.source.helm.valuesObject.configuration.backupStorageLocation[1].bucket: "cloudlab-velero-prod-us-east-1" → "cloudlab-velero-prod-us-west-2"',
      '_argocd/application-velero.yaml: spec.source.helm.valuesObject.configuration.backupStorageLocation[1].config.region: "us-east-1" → "us-west-2"',
      '_argocd/application-velero.yaml: spec.source.helm.valuesObject.configuration.backupStorageLocation[1].name: "prod-us-east-1" → "prod-us-west-2"',
      '_argocd/appproject-boutique.yaml: spec.description: "Tenant boutique (team boutique) in prod-us-west-2" → "Tenant boutique (team boutique) in prod-us-east-1"',
      '_argocd/appproject-cloud-lab.yaml: spec.description: "Tenant cloud-lab (team cloud-lab) in prod-us-west-2" → "Tenant cloud-lab (team cloud-lab) in prod-us-east-1"',
      '_argocd/appproject-platform.yaml: spec.description: "Platform add-ons and cluster-wide objects of prod-us-west-2" → "Platform add-ons and cluster-wide objects of prod-us-east-1"',
      '_bootstrap/argocd/root.yaml: spec.source.path: "environments/prod-us-west-2/_argocd" → "environments/prod-us-east-1/_argocd"',
      // The DR cluster issues its certificates and reads its secrets' replicas in its own region.
      '_cluster/clusterissuer-letsencrypt.yaml: spec.acme.solvers[0].dns01.route53.region: "us-west-2" → "us-east-1"',
      '_cluster/clustersecretstore-boutique-secrets.yaml: spec.provider.aws.region: "us-west-2" → "us-east-1"',
      '_cluster/clustersecretstore-cloud-lab-secrets.yaml: spec.provider.aws.region: "us-west-2" → "us-east-1"',
      '_cluster/gateway-platform-gateway.yaml: metadata.annotations["external-dns.alpha.kubernetes.io/set-identifier"]: "prod-us-west-2" → "prod-us-east-1"',
      '_cluster/kustomization.yaml: resources[22]: "schedule-boutique-prod-us-west-2.yaml" → "schedule-boutique-prod-us-east-1.yaml"',
      '_cluster/namespace-istio-system.yaml: metadata.labels["topology.istio.io/network"]: "network-us-west-2" → "network-us-east-1"',
      '_cluster/schedule-boutique-<cluster>.yaml: metadata.name: "boutique-prod-us-west-2" → "boutique-prod-us-east-1"',
      'boutique/frontend/httproute-frontend.yaml: metadata.annotations["external-dns.alpha.kubernetes.io/set-identifier"]: "prod-us-west-2" → "prod-us-east-1"',
      'cloud-lab/cloud-lab-service/httproute-cloud-lab-service.yaml: metadata.annotations["external-dns.alpha.kubernetes.io/set-identifier"]: "prod-us-west-2" → "prod-us-east-1"',
      'kustomization.yaml: resources[22]: "_cluster/schedule-boutique-prod-us-west-2.yaml" → "_cluster/schedule-boutique-prod-us-east-1.yaml"',
    ]);
  });
});

describe("the one-line failover (apps/platform/lib/failover.ts)", () => {
  /** The prod environments with the roles they take when `primaryRegion` is the primary, everything else as loaded. */
  function withPrimary(primaryRegion: string): PlatformDefinition {
    const role = (region: string): ClusterRole => (region === primaryRegion ? "primary" : "dr");
    const environments: Sourced<EnvironmentSpec>[] = definition.environments.map(({ spec, file }) =>
      spec.stage === "prod" ? { spec: { ...spec, cluster: { ...spec.cluster, role: role(spec.cluster.region) } }, file } : { spec, file },
    );
    return { ...definition, environments };
  }

  it("is the line both prod environments take their role from", () => {
    expect(PRIMARY_PROD_REGION).toBe("us-west-2");
    const prod = definition.environments.filter((e) => e.spec.stage === "prod").map((e) => [e.spec.name, e.spec.cluster.role, prodRole(e.spec.cluster.region)]);
    expect(prod.sort()).toEqual([
      [DR, "dr", "dr"],
      [PRIMARY, "primary", "primary"],
    ]);
    // Re-deriving the roles from the current line changes nothing.
    expect(render(withPrimary(PRIMARY_PROD_REGION)).files).toEqual(files);
  });

  it("swaps the roles' differences: us-east-1 becomes what us-west-2 was, and the other way round", () => {
    const failedOver = render(withPrimary("us-east-1")).files;
    expect(differences(failedOver, definition, DR, PRIMARY, "semantic", notDelivered)).toEqual(PRIMARY_TO_DR);
    // Object for object, in every folder (_infra/ too), each cluster now renders what the other rendered, up to names.
    for (const [now, before] of [
      [DR, PRIMARY],
      [PRIMARY, DR],
    ] as const) {
      const [self, peer] = [namesOf(now, definition), namesOf(before, definition)];
      const after = objectsByPath(failedOver, self, peer);
      const earlier = objectsByPath(files, peer, self);
      expect([...after.keys()].sort()).toEqual([...earlier.keys()].sort());
      for (const [path, object] of after) {
        // A field may differ only by the clusters' own names (a list the same in both clusters stays as it is).
        const unexplained = leafDifferences(object, earlier.get(path), "", []).filter(
          (leaf) => JSON.stringify(normalised(leaf.a, self, peer)) !== JSON.stringify(normalised(leaf.b, peer, self)),
        );
        expect(unexplained, `${now}/${path}`).toEqual([]);
      }
    }
  });

  it("changes, in the delivered folders of both clusters, only the HPA minimums and the DNS failover role", () => {
    const failedOver = new Map(render(withPrimary("us-east-1")).files.map((f) => [f.path, f.content]));
    const delivered = (path: string) => !notDelivered(path.slice(path.indexOf("/") + 1));
    const changed = files.filter((f) => delivered(f.path) && failedOver.get(f.path) !== f.content).map((f) => f.path);
    expect([...failedOver.keys()].filter(delivered)).toEqual(files.map((f) => f.path).filter(delivered));
    const perCluster = [
      "_cluster/gateway-platform-gateway.yaml",
      ...["adservice", "cartservice", "checkoutservice", "currencyservice", "emailservice", "frontend"].map((s) => `boutique/${s}/horizontalpodautoscaler-${s}.yaml`),
      "boutique/frontend/httproute-frontend.yaml",
      ...["paymentservice", "productcatalogservice", "recommendationservice", "shippingservice"].map((s) => `boutique/${s}/horizontalpodautoscaler-${s}.yaml`),
      "cloud-lab/cloud-lab-service/httproute-cloud-lab-service.yaml",
    ];
    expect(changed).toEqual([...perCluster.map((p) => `${DR}/${p}`), ...perCluster.map((p) => `${PRIMARY}/${p}`)]);
  });
});

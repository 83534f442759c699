import type { ClusterRole, EnvironmentSpec, PlatformDefinition, Sourced } from "@cloudlab/model";
import type { RenderedFile } from "@cloudlab/render";
import { beforeAll, describe, expect, it } from "vitest";
import { PRIMARY_PROD_REGION, prodRole } from "../lib/failover.ts";
import { loadSample, parseObjects, render, type KubeObject } from "./sample-render.ts";

/**
 * The DR cluster (prod-us-east-1) differs from the primary (prod-us-west-2) only where the spec says: the warm
 * standby's lower HPA minimums and the DNS failover role. Everything else differs only by the cluster's own names.
 * Then the one-line failover (apps/platform/lib/failover.ts) swaps exactly those differences between the clusters.
 */
const PRIMARY = "prod-us-west-2";
const DR = "prod-us-east-1";

let definition: PlatformDefinition;
let files: readonly RenderedFile[];

beforeAll(async () => {
  definition = await loadSample();
  files = render(definition).files;
});

/** One environment's objects by their path inside the environment's folder (one object per file). */
function objectsByPath(rendered: readonly RenderedFile[], env: string): Map<string, KubeObject> {
  return new Map(
    rendered
      .filter((f) => f.path.startsWith(`${env}/`))
      .map((f) => {
        const objects = parseObjects(f.content);
        expect(objects, f.path).toHaveLength(1);
        return [f.path.slice(env.length + 1), objects[0]!] as const;
      }),
  );
}

/** `value` with the cluster's own names (its environment and cluster name, and its Istio network) as placeholders. */
function normalised(value: unknown, names: { readonly cluster: string; readonly network: string }): unknown {
  if (typeof value === "string") return value.split(names.cluster).join("<cluster>").split(names.network).join("<network>");
  if (Array.isArray(value)) return value.map((v) => normalised(v, names));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [normalised(k, names), normalised(v, names)]));
  }
  return value;
}

/** Every leaf that differs between `a` and `b`, as `path: a → b` (a missing side is `undefined`). */
function leafDifferences(a: unknown, b: unknown, path: string, out: string[]): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  const isObject = (v: unknown) => v !== null && typeof v === "object";
  if (isObject(a) && isObject(b) && Array.isArray(a) === Array.isArray(b)) {
    const keys = [...new Set([...Object.keys(a as object), ...Object.keys(b as object)])].sort();
    for (const key of keys) {
      const child = Array.isArray(a) ? `${path}[${key}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}["${key}"]`;
      leafDifferences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], child, out);
    }
    return out;
  }
  out.push(`${path}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  return out;
}

/** Every field that differs from `from` to `to`, as `file: field: value in from → value in to`, sorted. */
function differences(rendered: readonly RenderedFile[], from: string, to: string, normalise: boolean): string[] {
  const names = (env: string) => ({ cluster: env, network: `network-${env.replace(/^prod-/, "")}` });
  const a = objectsByPath(rendered, from);
  const b = objectsByPath(rendered, to);
  const out: string[] = [];
  for (const path of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const left = normalise ? normalised(a.get(path), names(from)) : a.get(path);
    const right = normalise ? normalised(b.get(path), names(to)) : b.get(path);
    leafDifferences(left, right, `${path}: `, out);
  }
  return out.map((line) => line.replace(/: \./, ": "));
}

const FAILOVER_ROLE = '["external-dns.alpha.kubernetes.io/aws-failover"]';
const hpa = (service: string, primary: number, standby: number) =>
  `boutique/${service}/horizontalpodautoscaler-${service}.yaml: spec.minReplicas: ${primary} → ${standby}`;

/** What the spec says differs from the primary to the DR cluster, with the clusters' own names normalised. */
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

describe("the DR cluster against the primary", () => {
  it("renders the same files", () => {
    const paths = (env: string) => files.filter((f) => f.path.startsWith(`${env}/`)).map((f) => f.path.slice(env.length + 1));
    expect(paths(DR)).toEqual(paths(PRIMARY));
  });

  it("differs, beyond the clusters' own names, only in the warm standby's HPA minimums and the DNS failover role", () => {
    expect(differences(files, PRIMARY, DR, true)).toEqual(PRIMARY_TO_DR);
  });

  it("keeps 30 % of each autoscaled service's minimum (rounded up, at least 1) and the same maximum", () => {
    const primary = objectsByPath(files, PRIMARY);
    const dr = objectsByPath(files, DR);
    const hpas = [...primary.keys()].filter((path) => path.includes("/horizontalpodautoscaler-"));
    expect(hpas).toHaveLength(12);
    for (const path of hpas) {
      const [p, d] = [primary.get(path)!.spec, dr.get(path)!.spec];
      expect(d.minReplicas, path).toBe(Math.max(1, Math.ceil((p.minReplicas * 30) / 100)));
      expect(d.maxReplicas, path).toBe(p.maxReplicas);
    }
  });

  it("names its own cluster and network where the mesh, Argo CD and external-dns need them, and nowhere else", () => {
    expect(differences(files, PRIMARY, DR, false).filter((line) => !PRIMARY_TO_DR.includes(line))).toEqual([
      '_argocd/application-boutique.yaml: spec.source.path: "environments/prod-us-west-2/boutique" → "environments/prod-us-east-1/boutique"',
      '_argocd/application-cloud-lab.yaml: spec.source.path: "environments/prod-us-west-2/cloud-lab" → "environments/prod-us-east-1/cloud-lab"',
      '_argocd/application-istio-eastwestgateway.yaml: spec.source.helm.valuesObject.env.ISTIO_META_REQUESTED_NETWORK_VIEW: "network-us-west-2" → "network-us-east-1"',
      '_argocd/application-istio-eastwestgateway.yaml: spec.source.helm.valuesObject.labels["topology.istio.io/network"]: "network-us-west-2" → "network-us-east-1"',
      '_argocd/application-istiod.yaml: spec.source.helm.valuesObject.global.multiCluster.clusterName: "prod-us-west-2" → "prod-us-east-1"',
      '_argocd/application-istiod.yaml: spec.source.helm.valuesObject.global.network: "network-us-west-2" → "network-us-east-1"',
      '_argocd/application-platform.yaml: spec.source.path: "environments/prod-us-west-2/_cluster" → "environments/prod-us-east-1/_cluster"',
      '_argocd/appproject-boutique.yaml: spec.description: "Tenant boutique (team boutique) in prod-us-west-2" → "Tenant boutique (team boutique) in prod-us-east-1"',
      '_argocd/appproject-cloud-lab.yaml: spec.description: "Tenant cloud-lab (team cloud-lab) in prod-us-west-2" → "Tenant cloud-lab (team cloud-lab) in prod-us-east-1"',
      '_argocd/appproject-platform.yaml: spec.description: "Platform add-ons and cluster-wide objects of prod-us-west-2" → "Platform add-ons and cluster-wide objects of prod-us-east-1"',
      '_bootstrap/argocd/root.yaml: spec.source.path: "environments/prod-us-west-2/_argocd" → "environments/prod-us-east-1/_argocd"',
      '_cluster/gateway-platform-gateway.yaml: metadata.annotations["external-dns.alpha.kubernetes.io/set-identifier"]: "prod-us-west-2" → "prod-us-east-1"',
      '_cluster/namespace-istio-system.yaml: metadata.labels["topology.istio.io/network"]: "network-us-west-2" → "network-us-east-1"',
      'boutique/frontend/httproute-frontend.yaml: metadata.annotations["external-dns.alpha.kubernetes.io/set-identifier"]: "prod-us-west-2" → "prod-us-east-1"',
      'cloud-lab/cloud-lab-service/httproute-cloud-lab-service.yaml: metadata.annotations["external-dns.alpha.kubernetes.io/set-identifier"]: "prod-us-west-2" → "prod-us-east-1"',
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
    expect(differences(failedOver, DR, PRIMARY, true)).toEqual(PRIMARY_TO_DR);
    // Object for object, each cluster now renders what the other rendered, up to its own names.
    for (const [now, before] of [
      [DR, PRIMARY],
      [PRIMARY, DR],
    ] as const) {
      const names = (env: string) => ({ cluster: env, network: `network-${env.replace(/^prod-/, "")}` });
      const a = objectsByPath(failedOver, now);
      const b = objectsByPath(files, before);
      expect([...a.keys()]).toEqual([...b.keys()]);
      for (const [path, object] of a) expect(normalised(object, names(now)), `${now}/${path}`).toEqual(normalised(b.get(path), names(before)));
    }
  });

  it("changes, in both clusters, only the HPA minimums and the DNS failover role (what `cloudlab synth` rewrites)", () => {
    const failedOver = new Map(render(withPrimary("us-east-1")).files.map((f) => [f.path, f.content]));
    const changed = files.filter((f) => failedOver.get(f.path) !== f.content).map((f) => f.path);
    expect(failedOver.size).toBe(files.length);
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

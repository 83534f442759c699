import type { EnvironmentSpec } from "@cloudlab/model";
import { diffPlatform, objectKeyString, type DiffOptions, type Manifest, type PlatformDiff, type RenderedObject } from "../src/index.ts";

/**
 * Small hand-written objects and environments for the diff engine's tests (no renderer involved): dev, staging,
 * prod-us-west-2 (primary) and prod-us-east-1 (DR), and builders for the kinds the risk rules read.
 */

export const ENVIRONMENT_SPECS: readonly EnvironmentSpec[] = [
  { name: "prod-us-east-1", stage: "prod", cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: "dr" } },
  { name: "staging", stage: "staging", cluster: { name: "staging", provider: "eks", region: "us-west-2" } },
  { name: "dev", stage: "dev", cluster: { name: "dev", provider: "eks", region: "us-west-2" } },
  { name: "prod-us-west-2", stage: "prod", cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2", role: "primary" } },
];

type Json = Record<string, unknown>;

/** An object of namespace `shop` (or cluster-scoped with `namespace: undefined`). */
export function manifest(apiVersion: string, kind: string, name: string, spec: Json, namespace: string | undefined = "shop"): Manifest {
  return { apiVersion, kind, metadata: { name, ...(namespace === undefined ? {} : { namespace }) }, spec };
}

export interface DeploymentOptions {
  readonly replicas?: number;
  readonly image?: string;
  readonly requests?: { cpu: string; memory: string };
  readonly limits?: { cpu: string; memory: string };
  readonly env?: readonly { name: string; value: string }[];
}

export function deployment(name: string, options: DeploymentOptions = {}): Manifest {
  const { replicas = 3, image = `registry.example/shop/${name}:1.0.0`, requests = { cpu: "100m", memory: "128Mi" }, limits = { cpu: "500m", memory: "256Mi" } } = options;
  return manifest("apps/v1", "Deployment", name, {
    replicas,
    selector: { matchLabels: { "app.kubernetes.io/name": name } },
    template: {
      metadata: { labels: { "app.kubernetes.io/name": name } },
      spec: {
        containers: [
          {
            name: "server",
            image,
            ...(options.env === undefined ? {} : { env: options.env }),
            ports: [{ name: "http", containerPort: 8080, protocol: "TCP" }],
            resources: { requests, limits },
          },
        ],
      },
    },
  });
}

export function hpa(name: string, minReplicas: number, maxReplicas = 30): Manifest {
  return manifest("autoscaling/v2", "HorizontalPodAutoscaler", name, {
    minReplicas,
    maxReplicas,
    scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name },
  });
}

export function pdb(name: string, budget: { minAvailable?: number | string; maxUnavailable?: number | string }): Manifest {
  return manifest("policy/v1", "PodDisruptionBudget", name, { ...budget, selector: { matchLabels: { "app.kubernetes.io/name": name } } });
}

/** A VirtualService with one route `default` split by weight over subsets. */
export function virtualService(name: string, weights: Readonly<Record<string, number>>): Manifest {
  const host = `${name}.shop.svc.cluster.local`;
  return manifest("networking.istio.io/v1beta1", "VirtualService", name, {
    hosts: [host],
    http: [{ name: "default", route: Object.entries(weights).map(([subset, weight]) => ({ destination: { host, subset }, weight })) }],
  });
}

export function peerAuthentication(mode: string | undefined, name = "default"): Manifest {
  return manifest("security.istio.io/v1beta1", "PeerAuthentication", name, mode === undefined ? {} : { mtls: { mode } });
}

export function destinationRule(name: string, mode: string | undefined, subsets: readonly string[] = ["v1"]): Manifest {
  return manifest("networking.istio.io/v1beta1", "DestinationRule", name, {
    host: `${name}.shop.svc.cluster.local`,
    subsets: subsets.map((subset) => ({ name: subset, labels: { version: subset } })),
    ...(mode === undefined ? {} : { trafficPolicy: { tls: { mode } } }),
  });
}

/** An Istio AuthorizationPolicy; each rule lists principals (service accounts of `shop`) and optionally ports. */
export function authorizationPolicy(name: string, rules: readonly { readonly from?: readonly string[]; readonly ports?: readonly string[] }[], action?: string): Manifest {
  return manifest("security.istio.io/v1beta1", "AuthorizationPolicy", name, {
    ...(action === undefined ? {} : { action }),
    ...(rules.length === 0
      ? {}
      : {
          rules: rules.map((rule) => ({
            ...(rule.from === undefined ? {} : { from: [{ source: { principals: rule.from.map((sa) => `cluster.local/ns/shop/sa/${sa}`) } }] }),
            ...(rule.ports === undefined ? {} : { to: [{ operation: { ports: rule.ports } }] }),
          })),
        }),
    selector: { matchLabels: { "app.kubernetes.io/name": name } },
  });
}

/** A NetworkPolicy of pod `name` whose ingress allows the given apps on the given ports. */
export function networkPolicy(name: string, ingress: readonly { readonly from?: readonly string[]; readonly ports?: readonly number[] }[], policyTypes = ["Ingress"]): Manifest {
  return manifest("networking.k8s.io/v1", "NetworkPolicy", name, {
    podSelector: { matchLabels: { "app.kubernetes.io/name": name } },
    policyTypes,
    ingress: ingress.map((rule) => ({
      ...(rule.from === undefined ? {} : { from: rule.from.map((app) => ({ podSelector: { matchLabels: { "app.kubernetes.io/name": app } } })) }),
      ...(rule.ports === undefined ? {} : { ports: rule.ports.map((port) => ({ port, protocol: "TCP" })) }),
    })),
  });
}

/** The namespace-wide default deny. */
export function defaultDeny(): Manifest {
  return manifest("networking.k8s.io/v1", "NetworkPolicy", "default-deny", { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
}

/** An object as rendered into `environment`, at `<env>/<namespace>/<name>/<kind>-<name>.yaml`. */
export function rendered(environment: string, object: Manifest): RenderedObject {
  const { name, namespace } = object.metadata;
  return {
    key: { environment, apiVersion: object.apiVersion, kind: object.kind, ...(namespace === undefined ? {} : { namespace }), name },
    file: `${environment}/${namespace ?? "_cluster"}/${name}/${object.kind.toLowerCase()}-${name}.yaml`,
    manifest: object,
  };
}

/** The same objects in each of the given environments. */
export function everywhere(objects: readonly Manifest[], environments: readonly string[] = ENVIRONMENT_SPECS.map((e) => e.name)): RenderedObject[] {
  return environments.flatMap((env) => objects.map((o) => rendered(env, o)));
}

/** `objects` with the ones of the same key as `replacements` replaced (or added), per environment. */
export function replace(objects: readonly RenderedObject[], ...replacements: RenderedObject[]): RenderedObject[] {
  const byKey = new Map(objects.map((o) => [objectKeyString(o.key), o]));
  for (const r of replacements) byKey.set(objectKeyString(r.key), r);
  return [...byKey.values()];
}

/** `objects` without the ones at `(environment, kind, name)`. */
export function without(objects: readonly RenderedObject[], environment: string, kind: string, name: string): RenderedObject[] {
  return objects.filter((o) => !(o.key.environment === environment && o.key.kind === kind && o.key.name === name));
}

export function diff(base: readonly RenderedObject[], head: readonly RenderedObject[], options: DiffOptions = {}): PlatformDiff {
  return diffPlatform({ base, head, environments: ENVIRONMENT_SPECS }, options);
}

/** The objects every environment of the risk tables starts from: service `web` called by `shop` (checkout). */
export function baselineObjects(): Manifest[] {
  return [
    deployment("web", { replicas: 3 }),
    hpa("web", 3),
    pdb("web", { maxUnavailable: 1 }),
    virtualService("web", { v1: 90, v2: 10 }),
    destinationRule("web", "ISTIO_MUTUAL", ["v1", "v2"]),
    authorizationPolicy("web", [{ from: ["checkout"], ports: ["8080"] }]),
    networkPolicy("web", [{ from: ["checkout"], ports: [8080] }]),
    defaultDeny(),
    peerAuthentication("STRICT"),
    authorizationPolicy("deny-all", []),
  ];
}

/** The baseline in every environment. */
export function baseline(): RenderedObject[] {
  return everywhere(baselineObjects());
}

/** Flags of one rule as `env object: reason` lines. */
export function flagLines(diffResult: PlatformDiff): string[] {
  return diffResult.risks.map((f) => `${f.environment}${f.object === undefined ? "" : ` ${f.object}`}: ${f.reason}`);
}

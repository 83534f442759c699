import type { EnvironmentSpec, PlatformDefinition, ServiceSpec, Sourced, TenantSpec } from "@cloudlab/model";
import { parse } from "yaml";
import type { RenderedFile } from "../src/index.ts";

/**
 * A small fixture platform, built in memory (tests never import apps/platform): tenants `shop` and `storefront`, an
 * autoscaled gRPC service `checkout`, a fixed-size HTTP service `web`, a stateful `cache` with storage, and the four
 * environments dev, staging, prod-us-west-2 (primary) and prod-us-east-1 (DR, with a lower floor for checkout).
 */

/** The environments, in the order every report lists them. */
export const ENVIRONMENTS = ["dev", "staging", "prod-us-west-2", "prod-us-east-1"] as const;

export function serviceFile(spec: Pick<ServiceSpec, "tenant" | "name">): string {
  return `apps/platform/services/${spec.tenant}/${spec.name}.ts`;
}

/** The autoscaled gRPC service: every env source, explicit resources, a memory target, a call to `cache`, open to `web`. */
export function checkoutSpec(changes: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name: "checkout",
    team: "shop-team",
    tenant: "shop",
    description: "Takes orders and charges them.",
    image: { repository: "registry.example.com/shop/checkout", tag: "v1.4.0" },
    ports: [{ name: "grpc", port: 9090, protocol: "grpc" }],
    env: [
      { name: "PORT", value: "9090" },
      { name: "FEATURE_FLAGS", value: "true" },
      { name: "DB_PASSWORD", secretKeyRef: { name: "checkout-db", key: "password" } },
      { name: "CURRENCY", configMapKeyRef: { name: "shop-config", key: "currency" } },
      { name: "POD_IP", fieldPath: "status.podIP" },
    ],
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
    probes: {
      readiness: { grpc: { port: 9090 } },
      liveness: { grpc: { port: 9090, service: "checkout.v1.Checkout" }, periodSeconds: 20 },
    },
    autoscaling: { minReplicas: 3, maxReplicas: 30, cpuTargetPercent: 60, memoryTargetPercent: 80 },
    calls: ["cache"],
    exposedTo: ["storefront/web"],
    ...changes,
  };
}

/** The HTTP service of the second tenant: a fixed replica count, probes by name and number, a startup probe. */
export function webSpec(changes: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name: "web",
    team: "web-team",
    tenant: "storefront",
    image: { repository: "registry.example.com/storefront/web", tag: "v2.0.1" },
    ports: [{ name: "http", port: 80, targetPort: 8080, protocol: "http" }],
    probes: {
      readiness: { http: { path: "/ready", port: "http", headers: { "X-Probe": "kubelet" } } },
      liveness: { tcp: { port: "http" } },
      startup: { http: { path: "/started", port: 8080 }, failureThreshold: 30 },
    },
    replicas: 2,
    calls: ["shop/checkout"],
    ...changes,
  };
}

/** The stateful service: a TCP port, stage-default replicas, a volume per replica. */
export function cacheSpec(changes: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name: "cache",
    team: "shop-team",
    tenant: "shop",
    description: "The Redis that holds carts.",
    image: { repository: "redis", tag: "7.2.4" },
    containerName: "redis",
    ports: [{ name: "redis", port: 6379, protocol: "tcp" }],
    resources: { requests: { cpu: "50m", memory: "200Mi" }, limits: { cpu: "250m", memory: "256Mi" } },
    probes: {
      readiness: { tcp: { port: "redis" }, periodSeconds: 5 },
      liveness: { tcp: { port: "redis" }, periodSeconds: 5 },
    },
    workload: "stateful",
    storage: { size: "5Gi", mountPath: "/data" },
    ...changes,
  };
}

export function sourcedService(spec: ServiceSpec): Sourced<ServiceSpec> {
  return { spec, file: serviceFile(spec) };
}

export function sourcedTenant(spec: TenantSpec): Sourced<TenantSpec> {
  return { spec, file: `apps/platform/tenants/${spec.name}.ts` };
}

export function sourcedEnvironment(spec: EnvironmentSpec): Sourced<EnvironmentSpec> {
  return { spec, file: `apps/platform/environments/${spec.name}.ts` };
}

export function fixtureTenants(): Sourced<TenantSpec>[] {
  return [
    sourcedTenant({ name: "shop", team: "shop-team", description: "The shop's back end." }),
    sourcedTenant({ name: "storefront", team: "web-team" }),
  ];
}

/** The DR environment's overrides: checkout keeps a floor of 2 there. */
export const DR_OVERRIDES: NonNullable<EnvironmentSpec["overrides"]> = { checkout: { autoscaling: { minReplicas: 2 } } };

/** dev, staging, prod primary, prod DR (with the given overrides, by default {@link DR_OVERRIDES}). */
export function fixtureEnvironments(drOverrides: EnvironmentSpec["overrides"] = DR_OVERRIDES): Sourced<EnvironmentSpec>[] {
  return [
    sourcedEnvironment({ name: "dev", stage: "dev", cluster: { name: "dev-us-west-2", provider: "eks", region: "us-west-2" } }),
    sourcedEnvironment({ name: "staging", stage: "staging", cluster: { name: "staging-us-west-2", provider: "eks", region: "us-west-2" } }),
    sourcedEnvironment({
      name: "prod-us-west-2",
      stage: "prod",
      cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2", role: "primary" },
    }),
    sourcedEnvironment({
      name: "prod-us-east-1",
      stage: "prod",
      cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: "dr" },
      ...(drOverrides === undefined ? {} : { overrides: drOverrides }),
    }),
  ];
}

/** The fixture platform: checkout, web and cache in the four environments. */
export function fixturePlatform(changes: Partial<PlatformDefinition> = {}): PlatformDefinition {
  return {
    tenants: fixtureTenants(),
    services: [sourcedService(checkoutSpec()), sourcedService(webSpec()), sourcedService(cacheSpec())],
    environments: fixtureEnvironments(),
    ...changes,
  };
}

/** A parsed Kubernetes manifest, loosely typed for assertions. */
export interface Manifest {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string> };
  readonly spec?: Record<string, any>;
  readonly [key: string]: unknown;
}

/** The content of the file at `path`; throws when there is none. */
export function fileAt(files: readonly RenderedFile[], path: string): string {
  const file = files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no rendered file ${path} (have: ${files.map((f) => f.path).join(", ")})`);
  return file.content;
}

/** The parsed manifest at `path`. */
export function manifestAt(files: readonly RenderedFile[], path: string): Manifest {
  return parse(fileAt(files, path)) as Manifest;
}

/** The rendered files under a folder, e.g. `dev/shop/checkout/`. */
export function filesUnder(files: readonly RenderedFile[], folder: string): RenderedFile[] {
  return files.filter((f) => f.path.startsWith(folder));
}

import {
  resolveEnvironment,
  type ClusterRole,
  type EnvironmentSpec,
  type PlatformDefinition,
  type ResolvedEnvironment,
  type ServiceCheckContext,
  type SecretSpec,
  type ServiceSpec,
  type Sourced,
  type Stage,
  type TenantSpec,
} from "../src/index.ts";

/**
 * A valid service that exercises most fields: two ports (one with a different container port), probes by port name
 * and number, two env sources, explicit resources, autoscaling (with the 10× headroom prod requires) and calls within
 * and across tenants.
 */
export function checkoutSpec(changes: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name: "checkout",
    team: "shop-team",
    tenant: "shop",
    description: "Takes orders and charges them.",
    image: { repository: "registry.example.com/shop/checkout", tag: "v1.4.0" },
    ports: [
      { name: "http", port: 80, targetPort: 8080, protocol: "http" },
      { name: "grpc", port: 9090, protocol: "grpc" },
    ],
    env: [
      { name: "LOG_LEVEL", value: "info" },
      { name: "DB_PASSWORD", secretKeyRef: { name: "checkout-db", key: "password" } },
    ],
    secrets: [{ name: "checkout-db", from: "checkout/db", keys: ["password"] }],
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
    probes: {
      readiness: { http: { path: "/_healthz", port: "http" } },
      liveness: { grpc: { port: 9090 } },
    },
    autoscaling: { minReplicas: 2, maxReplicas: 20 },
    calls: ["cart", "payments/ledger"],
    ...changes,
  };
}

/** A second valid service of the `shop` tenant: no resources (stage defaults apply), no scaling, no calls. */
export function cartSpec(changes: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name: "cart",
    team: "shop-team",
    tenant: "shop",
    image: { repository: "registry.example.com/shop/cart", tag: "v2.0.1" },
    ports: [{ name: "http", port: 8080, protocol: "http" }],
    probes: {
      readiness: { http: { path: "/ready", port: "http" } },
      liveness: { tcp: { port: 8080 } },
    },
    ...changes,
  };
}

/**
 * A valid worker of the `payments` tenant: no ports, pinned by digest, a fixed replica count, open to `shop/checkout`
 * (a cross-tenant call needs both sides).
 */
export function ledgerSpec(changes: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name: "ledger",
    team: "payments-team",
    tenant: "payments",
    image: { repository: "registry.example.com/payments/ledger", digest: `sha256:${"ab".repeat(32)}` },
    replicas: 2,
    exposedTo: ["shop/checkout"],
    ...changes,
  };
}

/** A fixture environment with every default applied, as the checks see it. */
export function resolvedEnvironment(stage: Stage = "prod", role: ClusterRole = "primary"): ResolvedEnvironment {
  return resolveEnvironment(sourcedEnvironment(environmentSpec(`${stage}-us-west-2`, stage, role)));
}

/**
 * What the checks see for a platform of the given services (by default the fixture's checkout, cart and ledger) in
 * the given environment (prod primary unless said otherwise): its tenants, its services by `tenant/name`, and who
 * calls whom, derived from the services' `calls` as `resolvePlatform` derives them.
 */
export function contextIn(
  environment: ResolvedEnvironment = resolvedEnvironment(),
  specs: readonly ServiceSpec[] = [checkoutSpec(), cartSpec(), ledgerSpec()],
  tenantSecrets: Readonly<Record<string, readonly SecretSpec[]>> = {},
): ServiceCheckContext {
  const key = (spec: ServiceSpec) => `${spec.tenant}/${spec.name}`;
  const byKey = new Map(specs.map((spec) => [key(spec), spec]));
  const callers = new Map<string, string[]>();
  for (const spec of specs) {
    for (const callee of spec.calls ?? []) {
      const target = callee.includes("/") ? callee : `${spec.tenant}/${callee}`;
      callers.set(target, [...(callers.get(target) ?? []), key(spec)]);
    }
  }
  return {
    tenants: new Set(["shop", "payments", ...specs.map((s) => s.tenant)]),
    services: new Set(byKey.keys()),
    findService: (k) => byKey.get(k),
    callersOf: (k) => callers.get(k) ?? [],
    tenantSecrets: (tenant) => tenantSecrets[tenant] ?? [],
    environment,
  };
}

/** The fixture platform's tenants `shop` and `payments` and its three services, in prod (the strictest stage). */
export const CONTEXT: ServiceCheckContext = contextIn();

/** The file a service is declared in, as the platform app lays them out. */
export function serviceFile(spec: Pick<ServiceSpec, "tenant" | "name">): string {
  return `apps/platform/services/${spec.tenant}/${spec.name}.ts`;
}

export function sourcedService(spec: ServiceSpec, file = serviceFile(spec)): Sourced<ServiceSpec> {
  return { spec, file };
}

export function sourcedTenant(name: string, team = `${name}-team`, changes: Partial<TenantSpec> = {}): Sourced<TenantSpec> {
  return { spec: { name, team, ...changes }, file: `apps/platform/tenants/${name}.ts` };
}

export function environmentSpec(name: string, stage: Stage, role: ClusterRole = "primary", changes: Partial<EnvironmentSpec> = {}): EnvironmentSpec {
  return {
    name,
    stage,
    cluster: { name, provider: "eks", region: name.replace(/^(dev|staging|prod)-/, "") || "us-west-2", role },
    ...changes,
  };
}

export function sourcedEnvironment(spec: EnvironmentSpec): Sourced<EnvironmentSpec> {
  return { spec, file: `apps/platform/environments/${spec.name}.ts` };
}

/** The four fixture environments, in the order their models come out: dev, staging, prod primary, prod DR. */
export function fixtureEnvironments(changes: Readonly<Record<string, Partial<EnvironmentSpec>>> = {}): Sourced<EnvironmentSpec>[] {
  return [
    sourcedEnvironment(environmentSpec("dev-us-west-2", "dev", "primary", changes["dev-us-west-2"])),
    sourcedEnvironment(environmentSpec("staging-us-west-2", "staging", "primary", changes["staging-us-west-2"])),
    sourcedEnvironment(environmentSpec("prod-us-west-2", "prod", "primary", changes["prod-us-west-2"])),
    sourcedEnvironment(environmentSpec("prod-us-east-1", "prod", "dr", changes["prod-us-east-1"])),
  ];
}

/** A valid platform: tenants `shop` and `payments`, services checkout, cart and ledger, the four environments. */
export function fixturePlatform(changes: Partial<PlatformDefinition> = {}): PlatformDefinition {
  return {
    tenants: [sourcedTenant("shop"), sourcedTenant("payments")],
    services: [sourcedService(checkoutSpec()), sourcedService(cartSpec()), sourcedService(ledgerSpec())],
    environments: fixtureEnvironments(),
    ...changes,
  };
}

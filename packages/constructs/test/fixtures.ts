import {
  formatSpecError,
  resolvePlatform,
  type EnvironmentModel,
  type EnvironmentSpec,
  type PlatformDefinition,
  type ResolvedService,
  type ServiceSpec,
  type Sourced,
  type TenantSpec,
} from "@cloudlab/model";

/**
 * A small fixture platform, built in memory (tests never import apps/platform): tenants `shop` and `storefront`, an
 * autoscaled gRPC service `checkout`, a fixed-size HTTP service `web`, a stateful `cache` with storage, and the four
 * environments dev, staging, prod-us-west-2 (primary) and prod-us-east-1 (DR, with a lower floor for checkout).
 */

/** The file a service is declared in, as the platform app lays them out. */
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
    secrets: [{ name: "checkout-db", from: "checkout/db", keys: ["password"] }],
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

/**
 * The source document's `cloud-lab-service` in tenant `cloud-lab`: ServiceAccount `cloud-lab-sa`, Role `cloud-lab-role`
 * with get, list, watch, create, update, delete on pods, services and deployments, RoleBinding
 * `cloud-lab-rolebinding`, and the canary v1 90 / v2 10 with retries 3 × 2s and a 10s timeout.
 */
export function cloudLabSpec(changes: Partial<ServiceSpec> = {}): ServiceSpec {
  const verbs = ["get", "list", "watch", "create", "update", "delete"] as const;
  return {
    name: "cloud-lab-service",
    team: "cloud-lab",
    tenant: "cloud-lab",
    image: { repository: "registry.cloud-lab.example/cloud-lab/cloud-lab-service", tag: "1.0.0" },
    ports: [{ name: "http", port: 8080, protocol: "http" }],
    resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },
    probes: {
      readiness: { http: { path: "/healthz", port: "http" } },
      liveness: { http: { path: "/healthz", port: "http" } },
    },
    serviceAccountName: "cloud-lab-sa",
    apiAccess: {
      roleName: "cloud-lab-role",
      roleBindingName: "cloud-lab-rolebinding",
      rules: [
        { apiGroups: [""], resources: ["pods", "services"], verbs: [...verbs] },
        { apiGroups: ["apps"], resources: ["deployments"], verbs: [...verbs] },
      ],
    },
    versions: [
      { name: "v1", image: { tag: "1.0.0" }, weight: 90 },
      { name: "v2", image: { tag: "1.1.0" }, weight: 10 },
    ],
    traffic: { timeout: "10s", retries: { attempts: 3, perTryTimeout: "2s" } },
    autoscaling: { minReplicas: 1, maxReplicas: 5, belowTenfoldReason: "bounded by the cloud-lab tenant quota" },
    ...changes,
  };
}

/** A worker without ports or probes, pinned by digest, a fixed replica count. */
export function workerSpec(changes: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name: "mailer",
    team: "shop-team",
    tenant: "shop",
    image: { repository: "registry.example.com/shop/mailer", digest: `sha256:${"ab".repeat(32)}` },
    replicas: 2,
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

export const TENANTS: readonly Sourced<TenantSpec>[] = [
  sourcedTenant({ name: "shop", team: "shop-team", description: "The shop's back end." }),
  sourcedTenant({ name: "storefront", team: "web-team" }),
];

/** dev, staging, prod primary, prod DR (checkout keeps a floor of 2 there). */
export function fixtureEnvironments(): Sourced<EnvironmentSpec>[] {
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
      overrides: { checkout: { autoscaling: { minReplicas: 2 } } },
    }),
  ];
}

/** The fixture platform: checkout, web and cache in the four environments. */
export function fixturePlatform(changes: Partial<PlatformDefinition> = {}): PlatformDefinition {
  return {
    tenants: [...TENANTS],
    services: [sourcedService(checkoutSpec()), sourcedService(webSpec()), sourcedService(cacheSpec())],
    environments: fixtureEnvironments(),
    ...changes,
  };
}

/** The environment models of a platform; throws (with every spec error) when it does not check. */
export function resolveModels(definition: PlatformDefinition = fixturePlatform()): readonly EnvironmentModel[] {
  const resolution = resolvePlatform(definition);
  if (resolution.errors.length > 0) throw new Error(`fixture platform does not check:\n${resolution.errors.map(formatSpecError).join("\n")}`);
  return resolution.models;
}

/** One environment's model of a platform. */
export function modelOf(environment: string, definition: PlatformDefinition = fixturePlatform()): EnvironmentModel {
  const model = resolveModels(definition).find((m) => m.environment.name === environment);
  if (model === undefined) throw new Error(`no environment ${environment}`);
  return model;
}

/**
 * A service spec as it resolves in one environment of the fixture platform (the spec is added to the platform, or
 * replaces the fixture service of the same tenant and name), so it has passed every check of the model.
 */
export function resolved(spec: ServiceSpec, environment = "prod-us-west-2"): ResolvedService {
  const others = fixturePlatform().services.filter((s) => s.spec.tenant !== spec.tenant || s.spec.name !== spec.name);
  // A service of another tenant (e.g. `cloud-lab`) brings its tenant along.
  const tenants = TENANTS.some((t) => t.spec.name === spec.tenant) ? [...TENANTS] : [...TENANTS, sourcedTenant({ name: spec.tenant, team: spec.team })];
  const model = modelOf(environment, fixturePlatform({ tenants, services: [...others, sourcedService(spec)] }));
  const service = model.services.find((s) => s.tenant === spec.tenant && s.name === spec.name);
  if (service === undefined) throw new Error(`${spec.tenant}/${spec.name} does not run in ${environment}`);
  return service;
}

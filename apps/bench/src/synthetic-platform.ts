import type { EnvironmentSpec, PlatformDefinition, ServiceOverride, ServiceSpec, Sourced, TenantSpec } from "@cloudlab/model";

/** The tenants of the synthetic platform (10 teams). */
export const TENANTS = ["payments", "catalog", "checkout", "identity", "search", "shipping", "notify", "analytics", "media", "ads"] as const;

/** Service name stems, so names read like a real estate rather than `svc-1`, `svc-2`. */
const ROLES = [
  "gateway", "orders", "ledger", "billing", "pricing", "inventory", "profile", "session", "tokens", "audit",
  "quota", "reports", "rates", "events", "ranking", "router", "feeds", "images", "alerts", "refunds",
] as const;

/** What a synthetic service is: 80 % autoscaled gRPC, 15 % fixed-size HTTP, 5 % stateful with a volume. */
export type ServiceFlavour = "grpc" | "http" | "stateful";

/** Per block of 20 services: 1 stateful (5 %), 3 HTTP (15 %), 16 gRPC (80 %). */
export function flavourOf(index: number): ServiceFlavour {
  const slot = index % 20;
  if (slot === 7) return "stateful";
  if (slot === 3 || slot === 11 || slot === 17) return "http";
  return "grpc";
}

function serviceName(index: number): string {
  return `${ROLES[index % ROLES.length]}-${String(index).padStart(4, "0")}`;
}

const POSTGRES_DIGEST = `sha256:${"4f5e6d7c8b9a0f1e".repeat(4)}`;

const PORT = { grpc: 50051, http: 80, stateful: 5432 } as const;

function envName(service: string): string {
  return `${service.toUpperCase().replaceAll("-", "_")}_ADDR`;
}

function buildService(index: number, tenant: string, callees: readonly string[]): ServiceSpec {
  const name = serviceName(index);
  const flavour = flavourOf(index);
  const common = {
    name,
    team: tenant,
    tenant,
    description: `Synthetic ${flavour} service #${index} of the ${tenant} tenant.`,
    calls: callees,
    env: [
      { name: "LOG_LEVEL", value: index % 10 === 0 ? "debug" : "info" },
      { name: "OTEL_EXPORTER_OTLP_ENDPOINT", value: "http://otel-collector.observability:4317" },
      { name: "POD_IP", fieldPath: "status.podIP" },
      ...callees.map((callee) => ({ name: envName(callee), value: `${callee}:${PORT.grpc}` })),
    ],
  };
  const cpu = 100 + (index % 4) * 50; // 100m..250m
  const memory = 128 * (1 + (index % 3)); // 128Mi..384Mi
  const resources = {
    requests: { cpu: `${cpu}m`, memory: `${memory}Mi` },
    limits: { cpu: `${cpu * 2}m`, memory: `${memory * 2}Mi` },
  };
  switch (flavour) {
    case "grpc":
      return {
        ...common,
        image: { repository: `registry.example.com/${tenant}/${name}`, tag: `v1.${index % 17}.${index % 5}` },
        ports: [{ name: "grpc", port: PORT.grpc, protocol: "grpc" }],
        env: [...common.env, { name: "PORT", value: String(PORT.grpc) }, { name: "DB_PASSWORD", secretKeyRef: { name: `${name}-db`, key: "password" } }],
        secrets: [{ name: `${name}-db`, from: `${name}/db`, keys: ["password"] }],
        resources,
        probes: {
          readiness: { grpc: { port: PORT.grpc }, initialDelaySeconds: 5, periodSeconds: 10 },
          liveness: { grpc: { port: PORT.grpc }, initialDelaySeconds: 15, periodSeconds: 20 },
        },
        autoscaling: { minReplicas: 2 + (index % 3), maxReplicas: 40 + (index % 4) * 10, cpuTargetPercent: 70 },
        terminationGracePeriodSeconds: 20,
      };
    case "http":
      return {
        ...common,
        image: { repository: `registry.example.com/${tenant}/${name}`, tag: `v2.${index % 9}.0` },
        ports: [{ name: "http", port: PORT.http, targetPort: 8080, protocol: "http" }],
        env: [...common.env, { name: "PORT", value: "8080" }, { name: "FEATURE_FLAGS", configMapKeyRef: { name: `${tenant}-flags`, key: "flags" } }],
        resources,
        probes: {
          readiness: { http: { path: "/healthz/ready", port: "http" }, periodSeconds: 5 },
          liveness: { http: { path: "/healthz/live", port: "http" }, initialDelaySeconds: 10 },
          startup: { http: { path: "/healthz/ready", port: "http" }, periodSeconds: 2, failureThreshold: 30 },
        },
        replicas: 2,
      };
    case "stateful":
      return {
        ...common,
        // Pinned by digest: prod refuses a floating tag such as `16.2-alpine` alone.
        image: { repository: "postgres", tag: "16.2-alpine", digest: POSTGRES_DIGEST },
        containerName: "postgres",
        ports: [{ name: "postgres", port: PORT.stateful, protocol: "tcp" }],
        env: [
          ...common.env,
          { name: "PGDATA", value: "/var/lib/postgresql/data/pgdata" },
          { name: "POSTGRES_PASSWORD", secretKeyRef: { name: `${name}-credentials`, key: "password" } },
        ],
        secrets: [{ name: `${name}-credentials`, from: `${name}/credentials`, keys: ["password"] }],
        resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "1", memory: "2Gi" } },
        probes: {
          readiness: { tcp: { port: "postgres" }, periodSeconds: 5 },
          liveness: { tcp: { port: "postgres" }, initialDelaySeconds: 30, periodSeconds: 10 },
        },
        replicas: 1,
        workload: "stateful",
        storage: { size: `${10 * (1 + (index % 5))}Gi`, mountPath: "/var/lib/postgresql/data" },
        terminationGracePeriodSeconds: 60,
      };
  }
}

/** The four environments of `apps/platform/environments/`, the DR one keeping a small floor for the busiest services. */
function buildEnvironments(services: readonly ServiceSpec[]): EnvironmentSpec[] {
  const drOverrides: Record<string, ServiceOverride> = {};
  services.forEach((service, index) => {
    if (service.autoscaling !== undefined && index % 25 === 0) drOverrides[service.name] = { autoscaling: { minReplicas: 2 } };
  });
  return [
    { name: "dev", stage: "dev", cluster: { name: "dev-us-west-2", provider: "eks", region: "us-west-2" } },
    { name: "staging", stage: "staging", cluster: { name: "staging-us-west-2", provider: "eks", region: "us-west-2" } },
    {
      name: "prod-us-west-2",
      stage: "prod",
      // A platform of this size runs on large nodes: a managed node group holds at most 450.
      cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2", role: "primary", network: "network-us-west-2", instanceType: "m6i.4xlarge" },
    },
    {
      name: "prod-us-east-1",
      stage: "prod",
      cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: "dr", network: "network-us-east-1", instanceType: "m6i.4xlarge" },
      overrides: drOverrides,
    },
  ];
}

const SIDECAR = { requestsMilli: 100, requestsMi: 128, limitsMilli: 200, limitsMi: 256 };

function milli(quantity: string): number {
  return quantity.endsWith("m") ? Number(quantity.slice(0, -1)) : Number(quantity) * 1000;
}

function mebi(quantity: string): number {
  return quantity.endsWith("Gi") ? Number(quantity.slice(0, -2)) * 1024 : Number(quantity.slice(0, -2));
}

/** A quota that fits every service of the tenant at its prod maximum, sidecars included, with 25 % headroom. */
function quotaFor(services: readonly ServiceSpec[]): TenantSpec["quota"] {
  let requestsMilli = 0;
  let requestsMi = 0;
  let limitsMilli = 0;
  let limitsMi = 0;
  for (const s of services) {
    const pods = s.autoscaling?.maxReplicas ?? s.replicas ?? 3;
    const r = s.resources!;
    requestsMilli += pods * (milli(r.requests.cpu) + SIDECAR.requestsMilli);
    requestsMi += pods * (mebi(r.requests.memory) + SIDECAR.requestsMi);
    limitsMilli += pods * (milli(r.limits.cpu) + SIDECAR.limitsMilli);
    limitsMi += pods * (mebi(r.limits.memory) + SIDECAR.limitsMi);
  }
  const cores = (m: number) => String(Math.max(1, Math.ceil((m * 1.25) / 1000)));
  const gibs = (mi: number) => `${Math.max(1, Math.ceil((mi * 1.25) / 1024))}Gi`;
  return { requestsCpu: cores(requestsMilli), requestsMemory: gibs(requestsMi), limitsCpu: cores(limitsMilli), limitsMemory: gibs(limitsMi) };
}

/**
 * A synthetic platform: 10 tenants, `count` services spread round-robin over them (each calling the next two services
 * of its tenant), and the 4 environments dev / staging / prod-us-west-2 (primary) / prod-us-east-1 (dr).
 */
export function syntheticPlatform(count: number): PlatformDefinition {
  const byTenant = new Map<string, number[]>(TENANTS.map((t) => [t, []]));
  for (let i = 0; i < count; i++) byTenant.get(TENANTS[i % TENANTS.length]!)!.push(i);
  const services: Sourced<ServiceSpec>[] = [];
  for (let i = 0; i < count; i++) {
    const tenant = TENANTS[i % TENANTS.length]!;
    const members = byTenant.get(tenant)!;
    const at = members.indexOf(i);
    const callees = [1, 2]
      .map((step) => members[(at + step) % members.length]!)
      .filter((j, k, all) => j !== i && all.indexOf(j) === k)
      .map(serviceName);
    services.push({ spec: buildService(i, tenant, callees), file: `bench/services/${tenant}/${serviceName(i)}.ts` });
  }
  const tenants: Sourced<TenantSpec>[] = TENANTS.map((name) => ({
    spec: {
      name,
      team: name,
      description: `The ${name} team's services (synthetic).`,
      quota: quotaFor(services.filter((s) => s.spec.tenant === name).map((s) => s.spec)),
    },
    file: `bench/tenants/${name}.ts`,
  }));
  const environments = buildEnvironments(services.map((s) => s.spec)).map((spec) => ({ spec, file: `bench/environments/${spec.name}.ts` }));
  return { tenants, services, environments };
}

/** The same platform with one service's image tag changed (what a typical release commit does). */
export function withImageTag(definition: PlatformDefinition, serviceName: string, tag: string): PlatformDefinition {
  return {
    ...definition,
    services: definition.services.map((s) =>
      s.spec.name === serviceName ? { ...s, spec: { ...s.spec, image: { ...s.spec.image, tag } } } : s,
    ),
  };
}

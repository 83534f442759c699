import { describe, expect, it } from "vitest";
import { formatSpecError, resolvePlatform, STAGE_DEFAULTS, type ClusterRole, type EnvironmentModel, type PlatformDefinition, type ResolvedService, type Stage } from "../src/index.ts";
import {
  cartSpec,
  checkoutSpec,
  environmentSpec,
  fixtureEnvironments,
  fixturePlatform,
  ledgerSpec,
  sourcedEnvironment,
  sourcedService,
  sourcedTenant,
  serviceFile,
} from "./fixtures.ts";

const ENVIRONMENTS = ["dev-us-west-2", "staging-us-west-2", "prod-us-west-2", "prod-us-east-1"];

/** The HPA behaviour when a service sets none. */
const BEHAVIOR = {
  scaleUpStabilizationSeconds: 0,
  scaleUpPercentPer15s: 200,
  scaleUpPodsPer15s: 10,
  scaleDownStabilizationSeconds: 300,
  scaleDownPercentPerMinute: 10,
};

function autoscaled(minReplicas: number, maxReplicas: number, memoryTargetPercent?: number) {
  return { kind: "autoscaled", minReplicas, maxReplicas, cpuTargetPercent: 70, memoryTargetPercent, behavior: BEHAVIOR };
}

const fixed = (replicas: number) => ({ kind: "fixed", replicas });

/** The formatted errors of a platform. */
function errorsOf(definition: PlatformDefinition): string[] {
  return resolvePlatform(definition).errors.map(formatSpecError);
}

/** The models of a platform that must resolve. */
function modelsOf(definition: PlatformDefinition): readonly EnvironmentModel[] {
  const { models, errors } = resolvePlatform(definition);
  expect(errors.map(formatSpecError)).toEqual([]);
  return models;
}

function service(model: EnvironmentModel | undefined, name: string): ResolvedService {
  const found = model?.services.find((s) => s.name === name);
  if (found === undefined) throw new Error(`no service ${name} in ${model?.environment.name}`);
  return found;
}

function modelNamed(models: readonly EnvironmentModel[], name: string): EnvironmentModel {
  const found = models.find((m) => m.environment.name === name);
  if (found === undefined) throw new Error(`no environment ${name}`);
  return found;
}

describe("resolvePlatform: a valid platform", () => {
  // Declared out of order: services and tenants unsorted, environments prod DR first.
  const definition = fixturePlatform({
    tenants: [sourcedTenant("shop"), sourcedTenant("payments")],
    services: [sourcedService(checkoutSpec()), sourcedService(ledgerSpec()), sourcedService(cartSpec())],
    environments: [...fixtureEnvironments()].reverse(),
  });
  const models = modelsOf(definition);

  it("gives one model per environment, dev → staging → prod primary → prod DR", () => {
    expect(models.map((m) => m.environment.name)).toEqual(ENVIRONMENTS);
  });

  it("orders primary before DR within a stage whatever their names", () => {
    const environments = [
      ["prod-a", "prod", "dr", "us-east-1"],
      ["prod-z", "prod", "primary", "us-west-2"],
      ["prod-b", "prod", "dr", "eu-west-1"],
      ["dev-z", "dev", "primary", "us-west-2"],
      ["staging-a", "staging", "primary", "us-west-2"],
    ].map(([name, stage, role, region]) => {
      const spec = environmentSpec(name!, stage as Stage, role as ClusterRole);
      return sourcedEnvironment({ ...spec, cluster: { ...spec.cluster, region: region! } });
    });
    expect(modelsOf(fixturePlatform({ environments })).map((m) => m.environment.name)).toEqual(["dev-z", "staging-a", "prod-z", "prod-a", "prod-b"]);
  });

  it("sorts services by tenant, then name, in every environment", () => {
    for (const model of models) {
      expect(model.services.map((s) => `${s.tenant}/${s.name}`)).toEqual(["payments/ledger", "shop/cart", "shop/checkout"]);
    }
  });

  it("sorts tenants by name", () => {
    expect(models[0]?.tenants.map((t) => t.name)).toEqual(["payments", "shop"]);
    expect(models[0]?.tenants[0]).toEqual({
      name: "payments",
      team: "payments-team",
      file: "apps/platform/tenants/payments.ts",
      description: undefined,
      quota: undefined,
      secrets: [],
    });
  });

  it("gives the same models for any declaration order", () => {
    const shuffled = fixturePlatform({
      tenants: [sourcedTenant("payments"), sourcedTenant("shop")],
      services: [sourcedService(cartSpec()), sourcedService(checkoutSpec()), sourcedService(ledgerSpec())],
      environments: fixtureEnvironments(),
    });
    expect(resolvePlatform(shuffled)).toEqual(resolvePlatform(definition));
  });

  // Only the fields of this stage of the pipeline; delivery, peers and observability have their own tests.
  it("resolves the environment with its defaults", () => {
    expect(models[3]?.environment).toMatchObject({
      name: "prod-us-east-1",
      stage: "prod",
      file: "apps/platform/environments/prod-us-east-1.ts",
      cluster: { name: "prod-us-east-1", provider: "eks", region: "us-east-1", role: "dr", network: "network-us-east-1", storageClass: "gp3" },
      versions: { kubernetes: "1.28", istio: "1.20" },
      defaults: {
        resources: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } },
        replicas: 3,
        autoscaling: "on",
        maxReplicasCap: undefined,
        topologySpread: true,
        sidecarResources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "200m", memory: "256Mi" } },
      },
      mesh: {
        ingress: { mode: "gateway-api", namespace: "istio-ingress", tlsSecretName: "ingress-tls" },
        tracing: { criticalPercent: 100, defaultPercent: 10 },
        connectionPool: { maxConnections: 1024, http1MaxPendingRequests: 1024, http2MaxRequests: 1024 },
        outlierDetection: { consecutive5xxErrors: 5, interval: "10s", baseEjectionTime: "30s", maxEjectionPercent: 50 },
      },
    });
  });

  // Every default of the workload, tenancy, security and mesh fields written out; observability has its own tests.
  it("resolves a service with every default written out", () => {
    expect(service(models[2], "checkout")).toMatchObject({
      name: "checkout",
      team: "shop-team",
      tenant: "shop",
      file: "apps/platform/services/shop/checkout.ts",
      description: "Takes orders and charges them.",
      image: "registry.example.com/shop/checkout:v1.4.0",
      containerName: "server",
      ports: [
        { name: "http", port: 80, targetPort: 8080, protocol: "http" },
        { name: "grpc", port: 9090, targetPort: 9090, protocol: "grpc" },
      ],
      env: [
        { name: "LOG_LEVEL", value: "info" },
        { name: "DB_PASSWORD", secretKeyRef: { name: "checkout-db", key: "password" } },
      ],
      resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
      probes: {
        readiness: { http: { path: "/_healthz", port: "http" }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
        liveness: { grpc: { port: 9090 }, initialDelaySeconds: 0, periodSeconds: 10, timeoutSeconds: 1, failureThreshold: 3 },
        startup: undefined,
      },
      scaling: autoscaled(2, 20),
      workload: "stateless",
      storage: undefined,
      calls: [
        { tenant: "shop", service: "cart" },
        { tenant: "payments", service: "ledger" },
      ],
      terminationGracePeriodSeconds: 30,
      serviceAccountName: "checkout",
      apiAccess: undefined,
      security: { runAsUser: 1000, runAsGroup: 1000, bindLowPorts: false, writablePaths: [] },
      disasterRecovery: "warm-standby",
      preStopSleepSeconds: undefined,
      sidecarResources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "200m", memory: "256Mi" } },
      topologySpread: true,
      versions: [{ name: "v1", image: "registry.example.com/shop/checkout:v1.4.0", weight: 100, workloadName: "checkout" }],
      routing: { strategy: "weighted", matches: [], fault: undefined, mirror: undefined },
      traffic: {
        timeout: "10s",
        retries: { attempts: 3, perTryTimeout: "2s", retryOn: "connect-failure,refused-stream,reset,gateway-error" },
        connectionPool: { maxConnections: 1024, http1MaxPendingRequests: 1024, http2MaxRequests: 1024 },
        outlierDetection: { consecutive5xxErrors: 5, interval: "10s", baseEjectionTime: "30s", maxEjectionPercent: 50 },
      },
      accepts: [],
      critical: false,
      ingress: undefined,
    });
    const resolved = service(models[2], "checkout");
    for (const key of ["storage", "apiAccess", "preStopSleepSeconds", "ingress", "description"] as const) expect(key in resolved, key).toBe(true);
  });

  it("gives a service without resources its stage's", () => {
    expect(models.map((m) => service(m, "cart").resources)).toEqual([
      { requests: { cpu: "50m", memory: "64Mi" }, limits: { cpu: "200m", memory: "256Mi" } },
      { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } },
      { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } },
      { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "1Gi" } },
    ]);
  });

  it("renders an autoscaled service as one fixed replica in dev (autoscaling off), capped at 5 in staging, as declared in prod", () => {
    // The DR cluster keeps a warm standby: 30 % of minReplicas (at least one pod), the same maxReplicas.
    expect(models.map((m) => service(m, "checkout").scaling)).toEqual([fixed(1), autoscaled(2, 5), autoscaled(2, 20), autoscaled(1, 20)]);
  });

  it("lowers minReplicas to the staging cap rather than above maxReplicas", () => {
    const services = [sourcedService(checkoutSpec({ autoscaling: { minReplicas: 8, maxReplicas: 80, memoryTargetPercent: 80 } })), sourcedService(cartSpec()), sourcedService(ledgerSpec())];
    const staging = modelNamed(modelsOf(fixturePlatform({ services })), "staging-us-west-2");
    expect(service(staging, "checkout").scaling).toEqual(autoscaled(5, 5, 80));
  });

  it("gives a service without scaling its stage's replica count, and keeps a fixed count everywhere", () => {
    expect(models.map((m) => service(m, "cart").scaling)).toEqual([1, 2, 3, 3].map(fixed));
    expect(models.map((m) => service(m, "ledger").scaling)).toEqual([2, 2, 2, 2].map(fixed));
  });
});

describe("resolvePlatform: overrides", () => {
  it("removes a disabled service from that environment only", () => {
    const environments = fixtureEnvironments({ "prod-us-east-1": { overrides: { "shop/cart": { disabled: true } } } });
    const models = modelsOf(fixturePlatform({ environments }));
    expect(models.map((m) => m.services.map((s) => s.name))).toEqual([
      ["ledger", "cart", "checkout"],
      ["ledger", "cart", "checkout"],
      ["ledger", "cart", "checkout"],
      ["ledger", "checkout"],
    ]);
  });

  it("applies an override keyed by name or by tenant/name in its environment only", () => {
    const environments = fixtureEnvironments({
      "staging-us-west-2": { overrides: { checkout: { image: { tag: "v1.5.0-rc.1" }, replicas: 1 } } },
      "prod-us-west-2": { overrides: { "payments/ledger": { autoscaling: { minReplicas: 3, maxReplicas: 30 } } } },
    });
    const models = modelsOf(fixturePlatform({ environments }));
    expect(models.map((m) => service(m, "checkout").image)).toEqual([
      "registry.example.com/shop/checkout:v1.4.0",
      "registry.example.com/shop/checkout:v1.5.0-rc.1",
      "registry.example.com/shop/checkout:v1.4.0",
      "registry.example.com/shop/checkout:v1.4.0",
    ]);
    expect(service(models[1], "checkout").scaling).toEqual(fixed(1));
    expect(models.map((m) => service(m, "ledger").scaling)).toEqual([fixed(2), fixed(2), autoscaled(3, 30), fixed(2)]);
  });

  it("applies an environment's own defaults", () => {
    const environments = fixtureEnvironments({ "dev-us-west-2": { defaults: { autoscaling: "on", maxReplicasCap: 3, replicas: 2 } } });
    const dev = modelsOf(fixturePlatform({ environments }))[0];
    expect(service(dev, "checkout").scaling).toEqual(autoscaled(2, 3));
    expect(service(dev, "cart").scaling).toEqual(fixed(2));
  });
});

describe("resolvePlatform: errors", () => {
  it("reports a tenant that is an object without a prototype as a schema error, not an exception (found by apps/cli's spec fuzzer)", () => {
    const odd = { ...checkoutSpec(), tenant: Object.create(null) as never };
    const errors = errorsOf(fixturePlatform({ services: [sourcedService(odd, "apps/platform/services/shop/odd.ts"), sourcedService(cartSpec())] }));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.filter((e) => e.startsWith("apps/platform/services/shop/odd.ts: checkout: tenant: "))).toHaveLength(1);
  });

  it("reports a bad quantity in an override against the environment's file, the service and that environment", () => {
    const environments = fixtureEnvironments({ "prod-us-west-2": { overrides: { checkout: { resources: { limits: { cpu: "500mm" } } } } } });
    const resolution = resolvePlatform(fixturePlatform({ environments }));
    expect(resolution.models).toEqual([]);
    expect(resolution.errors.map(formatSpecError)).toEqual([
      'apps/platform/environments/prod-us-west-2.ts: checkout (prod-us-west-2): resources.limits.cpu: "500mm" is not a quantity',
    ]);
  });

  it("reports any schema problem inside an override that way, keyed by tenant/name too", () => {
    const environments = fixtureEnvironments({
      "staging-us-west-2": { overrides: { "shop/checkout": { replicaz: 2, env: [{ name: "1X", value: "a" }] } as never } },
    });
    expect(errorsOf(fixturePlatform({ environments }))).toEqual([
      "apps/platform/environments/staging-us-west-2.ts: checkout (staging-us-west-2): env[0].name: \"1X\" is not an environment variable name (letters, digits, '_', '-' and '.', not starting with a digit)",
      "apps/platform/environments/staging-us-west-2.ts: checkout (staging-us-west-2): replicaz: unknown field",
    ]);
  });

  it("reports what an override breaks against the environment's file", () => {
    const environments = fixtureEnvironments({
      "prod-us-west-2": { overrides: { checkout: { resources: { limits: { cpu: "50m" } } } } },
      "prod-us-east-1": { overrides: { checkout: { resources: { limits: { cpu: "50m" } } } } },
      "staging-us-west-2": { overrides: { checkout: { replicas: 3, autoscaling: { maxReplicas: 4 } } } },
      "dev-us-west-2": { overrides: { "shop/cart": { image: { tag: "latest" } } } },
    });
    expect(errorsOf(fixturePlatform({ environments }))).toEqual([
      'apps/platform/environments/dev-us-west-2.ts: cart (dev-us-west-2): image.tag: "latest" is not allowed: pin a version tag or a digest',
      'apps/platform/environments/prod-us-east-1.ts: checkout (prod-us-east-1): resources.requests.cpu: "100m" is more than the limit "50m"',
      'apps/platform/environments/prod-us-west-2.ts: checkout (prod-us-west-2): resources.requests.cpu: "100m" is more than the limit "50m"',
      "apps/platform/environments/staging-us-west-2.ts: checkout (staging-us-west-2): replicas: set replicas or autoscaling, not both",
    ]);
  });

  it("merges a partial resources override of a service without resources onto the stage defaults", () => {
    const environments = fixtureEnvironments({ "prod-us-west-2": { overrides: { cart: { resources: { limits: { cpu: "2" } } } } } });
    const result = resolvePlatform(fixturePlatform({ environments }));
    expect(result.errors).toEqual([]);
    const cart = (env: string) => result.models.find((m) => m.environment.name === env)!.services.find((s) => s.name === "cart")!;
    expect(cart("prod-us-west-2").resources).toEqual({ requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "2", memory: "1Gi" } });
    expect(cart("prod-us-east-1").resources).toEqual(STAGE_DEFAULTS.prod.resources);
  });

  it("reports stage defaults that break a service without resources against the environment, per service, and the defaults themselves", () => {
    const resources = { requests: { cpu: "2", memory: "64Mi" }, limits: { cpu: "1", memory: "64Mi" } };
    const environments = fixtureEnvironments({ "dev-us-west-2": { defaults: { resources } } });
    expect(errorsOf(fixturePlatform({ environments }))).toEqual([
      'apps/platform/environments/dev-us-west-2.ts: cart (dev-us-west-2): resources.requests.cpu: "2" is more than the limit "1"',
      // The tenants' LimitRange takes the defaults whether or not a service uses them (environments/default-resources).
      'apps/platform/environments/dev-us-west-2.ts: dev-us-west-2: defaults.resources.requests.cpu: "2" is more than the limit "1"',
      'apps/platform/environments/dev-us-west-2.ts: ledger (dev-us-west-2): resources.requests.cpu: "2" is more than the limit "1"',
    ]);
  });

  it("reports a problem of the service's own file that occurs in every environment once, without environment", () => {
    const services = [
      sourcedService(checkoutSpec({ resources: { requests: { cpu: "1", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } } })),
      sourcedService(cartSpec()),
      sourcedService(ledgerSpec()),
    ];
    expect(errorsOf(fixturePlatform({ services }))).toEqual([
      'apps/platform/services/shop/checkout.ts: checkout: resources.requests.cpu: "1" is more than the limit "500m"',
    ]);
  });

  it("reports a schema problem of the service's own file once, without environment", () => {
    const services = [sourcedService({ ...checkoutSpec(), replicaz: 3 } as never), sourcedService(cartSpec()), sourcedService(ledgerSpec())];
    expect(errorsOf(fixturePlatform({ services }))).toEqual(["apps/platform/services/shop/checkout.ts: checkout: replicaz: unknown field"]);
  });

  it("reports a problem in every environment the service runs in once, without environment", () => {
    const services = [sourcedService(checkoutSpec({ calls: ["cart", "carts"] })), sourcedService(cartSpec()), sourcedService(ledgerSpec())];
    const environments = fixtureEnvironments({ "prod-us-east-1": { overrides: { checkout: { disabled: true } } } });
    expect(errorsOf(fixturePlatform({ services, environments }))).toEqual([
      'apps/platform/services/shop/checkout.ts: checkout: calls[1]: "carts" is not a declared service in tenant "shop"',
    ]);
  });

  it("names the environments of a problem that does not occur in all of them", () => {
    const services = [sourcedService(checkoutSpec({ image: { repository: "registry.example.com/shop/checkout", tag: "main" } })), sourcedService(cartSpec()), sourcedService(ledgerSpec())];
    expect(errorsOf(fixturePlatform({ services }))).toEqual([
      'apps/platform/services/shop/checkout.ts: checkout (prod-us-west-2, prod-us-east-1): image.tag: "main" is not an immutable version tag (1.2.3 or v1.2.3): prod needs one, or a digest',
    ]);
  });

  it("names the environment when there is only one", () => {
    const services = [sourcedService(checkoutSpec({ calls: ["carts"] })), sourcedService(cartSpec()), sourcedService(ledgerSpec())];
    const environments = [sourcedEnvironment(environmentSpec("prod-us-west-2", "prod"))];
    expect(errorsOf(fixturePlatform({ services, environments }))).toEqual([
      'apps/platform/services/shop/checkout.ts: checkout (prod-us-west-2): calls[0]: "carts" is not a declared service in tenant "shop"',
    ]);
  });

  it("reports an unknown callee", () => {
    const services = [sourcedService(checkoutSpec({ calls: ["cart", "payments/ledgr"] })), sourcedService(cartSpec()), sourcedService(ledgerSpec())];
    expect(errorsOf(fixturePlatform({ services }))).toEqual([
      'apps/platform/services/shop/checkout.ts: checkout: calls[1]: "payments/ledgr" is not a declared service in tenant "payments"',
    ]);
  });

  it("reports an unknown tenant", () => {
    const search = { name: "search", team: "catalog-team", tenant: "catalog", image: { repository: "registry.example.com/catalog/search", tag: "3.0.0" } };
    const services = [...fixturePlatform().services, sourcedService(search)];
    expect(errorsOf(fixturePlatform({ services }))).toEqual([
      'apps/platform/services/catalog/search.ts: search: tenant: "catalog" is not a declared tenant (declared: payments, shop)',
    ]);
  });

  it("reports unknown and ambiguous override keys", () => {
    const otherCheckout = sourcedService(ledgerSpec({ name: "checkout" }));
    const environments = fixtureEnvironments({ "prod-us-west-2": { overrides: { chekout: { replicas: 3 }, "shop/ledger": { replicas: 1 }, checkout: { replicas: 4 } } } });
    expect(errorsOf(fixturePlatform({ services: [...fixturePlatform().services, otherCheckout], environments }))).toEqual([
      'apps/platform/environments/prod-us-west-2.ts: prod-us-west-2: overrides.checkout: "checkout" is ambiguous: write one of payments/checkout, shop/checkout',
      'apps/platform/environments/prod-us-west-2.ts: prod-us-west-2: overrides.chekout: "chekout" is not a declared service',
      'apps/platform/environments/prod-us-west-2.ts: prod-us-west-2: overrides.shop/ledger: "shop/ledger" is not a declared service',
    ]);
  });

  it("does not call an override's service undeclared when only the service's own spec is refused", () => {
    const services = [sourcedService({ ...checkoutSpec(), replicaz: 3 } as never), sourcedService(cartSpec()), sourcedService(ledgerSpec())];
    const environments = fixtureEnvironments({ "prod-us-west-2": { overrides: { checkout: { replicas: 3 } } } });
    expect(errorsOf(fixturePlatform({ services, environments }))).toEqual(["apps/platform/services/shop/checkout.ts: checkout: replicaz: unknown field"]);
  });

  it("reports a service declared twice against the later file", () => {
    const services = [...fixturePlatform().services, sourcedService(cartSpec({ team: "other-team" }), "apps/platform/services/shop/cart-v2.ts")];
    expect(errorsOf(fixturePlatform({ services }))).toEqual([
      'apps/platform/services/shop/cart-v2.ts: cart: name: service "shop/cart" is already declared in apps/platform/services/shop/cart.ts',
    ]);
  });

  it("allows the same service name in two tenants", () => {
    const services = [...fixturePlatform().services, sourcedService(ledgerSpec({ name: "cart" }))];
    expect(modelsOf(fixturePlatform({ services }))[0]?.services.map((s) => `${s.tenant}/${s.name}`)).toEqual([
      "payments/cart",
      "payments/ledger",
      "shop/cart",
      "shop/checkout",
    ]);
  });

  it("reports tenants and environments declared twice", () => {
    const tenants = [sourcedTenant("shop"), sourcedTenant("payments"), { spec: { name: "shop", team: "x" }, file: "apps/platform/tenants/shop-2.ts" }];
    const environments = [...fixtureEnvironments(), { spec: environmentSpec("dev-us-west-2", "dev"), file: "apps/platform/environments/dev-2.ts" }];
    expect(errorsOf(fixturePlatform({ tenants, environments }))).toEqual([
      'apps/platform/environments/dev-2.ts: dev-us-west-2: name: environment "dev-us-west-2" is already declared in apps/platform/environments/dev-us-west-2.ts',
      'apps/platform/tenants/shop-2.ts: shop: name: tenant "shop" is already declared in apps/platform/tenants/shop.ts',
    ]);
  });

  it("reports schema problems of tenants and environments against their files", () => {
    const tenants = [sourcedTenant("shop"), sourcedTenant("payments", "payments-team", { quota: { requestsCpu: "4", requestsMemory: "8G", limitsCpu: "8x", limitsMemory: "16Gi" } })];
    const environments = [...fixtureEnvironments().slice(1), sourcedEnvironment({ ...environmentSpec("dev-us-west-2", "dev"), versions: { kubernetes: "1.x" } })];
    expect(errorsOf(fixturePlatform({ tenants, environments }))).toEqual([
      'apps/platform/environments/dev-us-west-2.ts: dev-us-west-2: versions.kubernetes: "1.x" does not match ^1\\.(0|[1-9][0-9]*)$',
      'apps/platform/tenants/payments.ts: payments: quota.limitsCpu: "8x" is not a quantity',
    ]);
  });

  it("calls a spec without a name (unnamed)", () => {
    const services = [...fixturePlatform().services, { spec: { team: "t", tenant: "shop" } as never, file: "apps/platform/services/shop/draft.ts" }];
    expect(errorsOf(fixturePlatform({ services }))).toEqual([
      "apps/platform/services/shop/draft.ts: (unnamed): image: is required",
      "apps/platform/services/shop/draft.ts: (unnamed): name: is required",
    ]);
  });

  it("sorts errors by file, subject, environment and path, whatever the declaration order", () => {
    const services = [
      sourcedService(ledgerSpec({ calls: ["nope"] })),
      sourcedService(checkoutSpec({ calls: ["zzz", "aaa"], image: { repository: "r" } })),
      sourcedService(cartSpec()),
    ];
    const expected = [
      'apps/platform/services/payments/ledger.ts: ledger: calls[0]: "nope" is not a declared service in tenant "payments"',
      'apps/platform/services/shop/checkout.ts: checkout: calls[0]: "zzz" is not a declared service in tenant "shop"',
      'apps/platform/services/shop/checkout.ts: checkout: calls[1]: "aaa" is not a declared service in tenant "shop"',
      "apps/platform/services/shop/checkout.ts: checkout: image: set a tag or a digest",
    ];
    expect(errorsOf(fixturePlatform({ services }))).toEqual(expected);
    expect(errorsOf(fixturePlatform({ services: [...services].reverse(), environments: [...fixtureEnvironments()].reverse() }))).toEqual(expected);
  });
});

describe("resolvePlatform: one ServiceAccount per service", () => {
  it("refuses two services of a tenant sharing a ServiceAccount (they would share a mesh identity)", () => {
    const services = [sourcedService(checkoutSpec()), sourcedService(cartSpec({ serviceAccountName: "checkout" })), sourcedService(ledgerSpec())];
    const result = resolvePlatform(fixturePlatform({ services }));
    expect(result.errors.map(formatSpecError)).toEqual([
      `${serviceFile(cartSpec())}: cart: serviceAccountName: ServiceAccount "shop/checkout" is already declared in ${serviceFile(checkoutSpec())}`,
    ]);
  });
});

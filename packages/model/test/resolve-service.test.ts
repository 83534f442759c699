import { describe, expect, it } from "vitest";
import { formatSpecError, resolvePlatform, type EnvironmentModel, type EnvironmentSpec, type PlatformDefinition, type ResolvedService, type ServiceSpec } from "../src/index.ts";
import { cartSpec, checkoutSpec, fixtureEnvironments, fixturePlatform, ledgerSpec, sourcedService } from "./fixtures.ts";

/** The fixture platform with some services replaced (by tenant and name) or added. */
function platformWith(specs: readonly ServiceSpec[], environments?: Readonly<Record<string, Partial<EnvironmentSpec>>>): PlatformDefinition {
  const replaced = new Set(specs.map((s) => `${s.tenant}/${s.name}`));
  const kept = fixturePlatform().services.filter((s) => !replaced.has(`${s.spec.tenant}/${s.spec.name}`));
  return fixturePlatform({ services: [...kept, ...specs.map((s) => sourcedService(s))], environments: fixtureEnvironments(environments) });
}

function models(definition: PlatformDefinition): readonly EnvironmentModel[] {
  const { models: resolved, errors } = resolvePlatform(definition);
  expect(errors.map(formatSpecError)).toEqual([]);
  return resolved;
}

/** A service as it resolves in one environment (prod primary unless said otherwise). */
function resolvedIn(definition: PlatformDefinition, name: string, environment = "prod-us-west-2"): ResolvedService {
  const model = models(definition).find((m) => m.environment.name === environment)!;
  const service = model.services.find((s) => s.name === name);
  if (service === undefined) throw new Error(`${name} does not run in ${environment}`);
  return service;
}

const resolve = (spec: ServiceSpec, environment?: string) => resolvedIn(platformWith([spec]), spec.name, environment);
const REPOSITORY = "registry.example.com/shop/checkout";
const DIGEST = `sha256:${"ab".repeat(32)}`;

describe("resolved versions", () => {
  it("defaults to one version v1 that runs the service's image in a workload named after the service", () => {
    expect(resolve(checkoutSpec()).versions).toEqual([{ name: "v1", image: `${REPOSITORY}:v1.4.0`, weight: 100, workloadName: "checkout" }]);
  });

  it("names a declared version's workload <service>-<version> and merges its image over the service's", () => {
    const spec = checkoutSpec({
      versions: [
        { name: "v1", weight: 90 },
        { name: "v2", weight: 10, image: { tag: "v1.5.0" } },
      ],
    });
    expect(resolve(spec).versions).toEqual([
      { name: "v1", image: `${REPOSITORY}:v1.4.0`, weight: 90, workloadName: "checkout-v1" },
      { name: "v2", image: `${REPOSITORY}:v1.5.0`, weight: 10, workloadName: "checkout-v2" },
    ]);
  });

  it("names the workload of a single declared version <service>-<version> too, with all the traffic", () => {
    expect(resolve(checkoutSpec({ versions: [{ name: "stable" }] })).versions).toEqual([
      { name: "stable", image: `${REPOSITORY}:v1.4.0`, weight: 100, workloadName: "checkout-stable" },
    ]);
  });

  it("lets a version change the repository or add a digest", () => {
    const spec = checkoutSpec({
      versions: [
        { name: "a", weight: 50, image: { repository: "mirror.example.com/checkout" } },
        { name: "b", weight: 50, image: { digest: DIGEST } },
      ],
    });
    expect(resolve(spec).versions.map((v) => v.image)).toEqual(["mirror.example.com/checkout:v1.4.0", `${REPOSITORY}:v1.4.0@${DIGEST}`]);
  });

  it("gives the live side of a blue-green pair 100 and the idle side 0, from routing.live", () => {
    const versions = [
      { name: "blue", image: { tag: "v1.4.0" } },
      { name: "green", image: { tag: "v1.5.0" } },
    ];
    const live = (side: string) => resolve(checkoutSpec({ versions, routing: { strategy: "blue-green", live: side } })).versions.map((v) => [v.name, v.weight, v.workloadName]);
    expect(live("blue")).toEqual([
      ["blue", 100, "checkout-blue"],
      ["green", 0, "checkout-green"],
    ]);
    expect(live("green")).toEqual([
      ["blue", 0, "checkout-blue"],
      ["green", 100, "checkout-green"],
    ]);
  });

  it("flips blue-green in one environment with a routing override", () => {
    const versions = [{ name: "blue" }, { name: "green" }];
    const definition = platformWith([checkoutSpec({ versions, routing: { strategy: "blue-green", live: "blue" } })], {
      "staging-us-west-2": { overrides: { checkout: { routing: { strategy: "blue-green", live: "green" } } } },
    });
    const weights = (environment: string) => resolvedIn(definition, "checkout", environment).versions.map((v) => v.weight);
    expect(weights("staging-us-west-2")).toEqual([0, 100]);
    expect(weights("prod-us-west-2")).toEqual([100, 0]);
  });
});

describe("resolved routing", () => {
  const versions = [
    { name: "v1", weight: 90 },
    { name: "v2", weight: 10 },
  ];

  it("defaults to weighted routing without rules, fault or mirror", () => {
    expect(resolve(checkoutSpec()).routing).toEqual({ strategy: "weighted", matches: [], fault: undefined, mirror: undefined });
  });

  it("keeps header rules in order and folds a cookie into a regex on the cookie header", () => {
    const spec = checkoutSpec({
      versions,
      routing: {
        matches: [
          { name: "beta-users", headers: { "x-beta": { exact: "true" } }, version: "v2" },
          { name: "testers", cookie: { name: "group", value: "testers" }, version: "v2" },
        ],
      },
    });
    expect(resolve(spec).routing.matches).toEqual([
      { name: "beta-users", headers: { "x-beta": { exact: "true" } }, version: "v2" },
      { name: "testers", headers: { cookie: { regex: "^(.*?;\\s*)?(group=testers)(;.*)?$" } }, version: "v2" },
    ]);
  });

  it("escapes regex characters of the cookie's name and value, next to the rule's headers", () => {
    const spec = checkoutSpec({
      versions,
      routing: { matches: [{ name: "ab", headers: { "x-app": { prefix: "ios" } }, cookie: { name: "ab.test", value: "a+b(1)" }, version: "v1" }] },
    });
    expect(resolve(spec).routing.matches[0]!.headers).toEqual({
      "x-app": { prefix: "ios" },
      cookie: { regex: "^(.*?;\\s*)?(ab\\.test=a\\+b\\(1\\))(;.*)?$" },
    });
  });

  it("matches exactly the requests carrying the cookie (anywhere in the header), and no others", () => {
    const spec = checkoutSpec({ versions, routing: { matches: [{ name: "t", cookie: { name: "group", value: "testers" }, version: "v2" }] } });
    const regex = new RegExp(resolve(spec).routing.matches[0]!.headers.cookie!.regex!);
    expect(["group=testers", "a=1; group=testers", "a=1;group=testers; b=2"].map((c) => regex.test(c))).toEqual([true, true, true]);
    expect(["group=testers2", "xgroup=testers", "a=group=testers", "group=tester"].map((c) => regex.test(c))).toEqual([false, false, false, false]);
  });

  it("keeps fault injection and mirroring", () => {
    const fault = { delay: { percent: 10, fixedDelay: "5s" }, abort: { percent: 1, httpStatus: 503 } };
    const routing = resolve(checkoutSpec({ versions, routing: { fault, mirror: { version: "v2", percent: 20 } } })).routing;
    expect(routing).toEqual({ strategy: "weighted", matches: [], fault, mirror: { version: "v2", percent: 20 } });
  });
});

describe("resolved traffic", () => {
  const POOL = { maxConnections: 1024, http1MaxPendingRequests: 1024, http2MaxRequests: 1024 };
  const OUTLIER = { consecutive5xxErrors: 5, interval: "10s", baseEjectionTime: "30s", maxEjectionPercent: 50 };
  const HTTP_RETRY_ON = "connect-failure,refused-stream,reset,gateway-error";
  const GRPC_RETRY_ON = "connect-failure,refused-stream,reset,unavailable,cancelled";

  it("defaults to a 10s timeout, 3 retries of 2s, and the environment's circuit breaker", () => {
    expect(resolve(checkoutSpec()).traffic).toEqual({
      timeout: "10s",
      retries: { attempts: 3, perTryTimeout: "2s", retryOn: HTTP_RETRY_ON },
      connectionPool: POOL,
      outlierDetection: OUTLIER,
    });
  });

  it("retries gRPC conditions for a service that speaks only gRPC, HTTP ones otherwise", () => {
    const grpcOnly = checkoutSpec({ ports: [{ name: "grpc", port: 9090, protocol: "grpc" }], probes: { readiness: { grpc: { port: 9090 } }, liveness: { grpc: { port: 9090 } } } });
    expect(resolve(grpcOnly).traffic.retries.retryOn).toBe(GRPC_RETRY_ON);
    expect(resolve(checkoutSpec()).traffic.retries.retryOn).toBe(HTTP_RETRY_ON); // http and grpc ports
    expect(resolve(cartSpec()).traffic.retries.retryOn).toBe(HTTP_RETRY_ON);
    expect(resolvedIn(fixturePlatform(), "ledger").traffic.retries.retryOn).toBe(HTTP_RETRY_ON); // no ports
  });

  it("takes the spec's settings, field by field over the defaults", () => {
    const spec = checkoutSpec({
      traffic: {
        timeout: "3s",
        retries: { attempts: 0 },
        connectionPool: { maxConnections: 100 },
        outlierDetection: { consecutive5xxErrors: 2, interval: "5s" },
      },
    });
    expect(resolve(spec).traffic).toEqual({
      timeout: "3s",
      retries: { attempts: 0, perTryTimeout: "2s", retryOn: HTTP_RETRY_ON },
      connectionPool: { ...POOL, maxConnections: 100 },
      outlierDetection: { ...OUTLIER, consecutive5xxErrors: 2, interval: "5s" },
    });
  });

  it("takes the environment's circuit-breaker defaults for services that set none", () => {
    const definition = platformWith([], {
      "prod-us-west-2": { mesh: { connectionPool: { http2MaxRequests: 500 }, outlierDetection: { baseEjectionTime: "1m" } } },
    });
    const traffic = resolvedIn(definition, "checkout").traffic;
    expect(traffic.connectionPool).toEqual({ ...POOL, http2MaxRequests: 500 });
    expect(traffic.outlierDetection).toEqual({ ...OUTLIER, baseEjectionTime: "1m" });
    expect(resolvedIn(definition, "checkout", "staging-us-west-2").traffic.connectionPool).toEqual(POOL);
  });
});

describe("resolved accepts", () => {
  // Fixture calls: checkout → cart, checkout → payments/ledger.
  const rule = (from: [string, string][], changes: Record<string, unknown> = {}) => ({
    from: from.map(([tenant, service]) => ({ tenant, service })),
    paths: [],
    methods: [],
    ports: [],
    ...changes,
  });

  it("allows every declared caller to do anything by default", () => {
    expect(resolve(cartSpec()).accepts).toEqual([rule([["shop", "checkout"]])]);
    expect(resolvedIn(fixturePlatform(), "ledger").accepts).toEqual([rule([["shop", "checkout"]])]);
  });

  it("allows nobody when nothing calls the service", () => {
    expect(resolve(checkoutSpec()).accepts).toEqual([]);
  });

  it("lists every caller, sorted by tenant and name", () => {
    const definition = platformWith([ledgerSpec({ calls: ["shop/cart"] }), cartSpec({ exposedTo: ["payments/ledger"] })]);
    expect(resolvedIn(definition, "cart").accepts).toEqual([
      rule([
        ["payments", "ledger"],
        ["shop", "checkout"],
      ]),
    ]);
  });

  it("keeps a rule's paths, methods and ports, and narrows it to the callers named in from", () => {
    const definition = platformWith([
      ledgerSpec({ calls: ["shop/cart"] }),
      cartSpec({
        exposedTo: ["payments/ledger"],
        accepts: [
          { from: ["checkout"], paths: ["/cart.Cart/Add", "/cart.Cart/Get*"], methods: ["POST"] },
          { from: ["payments/ledger"], methods: ["GET"], ports: [8080] },
          { paths: ["/healthz"] },
        ],
      }),
    ]);
    expect(resolvedIn(definition, "cart").accepts).toEqual([
      rule([["shop", "checkout"]], { paths: ["/cart.Cart/Add", "/cart.Cart/Get*"], methods: ["POST"] }),
      rule([["payments", "ledger"]], { methods: ["GET"], ports: [8080] }),
      rule(
        [
          ["payments", "ledger"],
          ["shop", "checkout"],
        ],
        { paths: ["/healthz"] },
      ),
    ]);
  });

  it("leaves out callers that do not run in the environment, and rules left with no caller", () => {
    const definition = platformWith([cartSpec({ accepts: [{ from: ["checkout"], paths: ["/a"] }] })], {
      "prod-us-east-1": { overrides: { checkout: { disabled: true } } },
    });
    expect(resolvedIn(definition, "cart", "prod-us-west-2").accepts).toEqual([rule([["shop", "checkout"]], { paths: ["/a"] })]);
    expect(resolvedIn(definition, "cart", "prod-us-east-1").accepts).toEqual([]);
  });
});

describe("resolved ingress", () => {
  const hosts = ["shop.example.com", "www.shop.example.com"];
  const HTTP = { name: "http", port: 80, targetPort: 8080, protocol: "http" };

  it("is undefined for a service that is not exposed", () => {
    expect(resolve(checkoutSpec()).ingress).toBeUndefined();
  });

  it("defaults to the first web port, the path /, and the environment's certificate", () => {
    expect(resolve(checkoutSpec({ ingress: { hosts } })).ingress).toEqual({ hosts, pathPrefix: "/", port: HTTP, tlsSecretName: "ingress-tls" });
  });

  it("skips tcp ports when choosing the default", () => {
    const ports = [{ name: "metrics", port: 9100, protocol: "tcp" as const }, ...checkoutSpec().ports!];
    expect(resolve(checkoutSpec({ ports, ingress: { hosts } })).ingress!.port).toEqual(HTTP);
  });

  it("takes the named port, path prefix and certificate", () => {
    const ingress = resolve(checkoutSpec({ ingress: { hosts, port: "grpc", pathPrefix: "/api", tlsSecretName: "shop-tls" } })).ingress;
    expect(ingress).toEqual({ hosts, pathPrefix: "/api", port: { name: "grpc", port: 9090, targetPort: 9090, protocol: "grpc" }, tlsSecretName: "shop-tls" });
  });

  it("takes the environment's certificate, and per-environment hosts from an override", () => {
    const definition = platformWith([checkoutSpec({ ingress: { hosts } })], {
      "staging-us-west-2": { mesh: { ingress: { tlsSecretName: "staging-tls" } }, overrides: { checkout: { ingress: { hosts: ["staging.shop.example.com"] } } } },
    });
    expect(resolvedIn(definition, "checkout", "staging-us-west-2").ingress).toEqual({
      hosts: ["staging.shop.example.com"],
      pathPrefix: "/",
      port: HTTP,
      tlsSecretName: "staging-tls",
    });
    expect(resolvedIn(definition, "checkout").ingress!.tlsSecretName).toBe("ingress-tls");
  });
});

describe("disaster recovery of stateful services", () => {
  const redis = (disasterRecovery?: "warm-standby" | "absent") =>
    cartSpec({
      name: "redis",
      image: { repository: "redis", tag: "7.2.4" },
      ports: [{ name: "redis", port: 6379, protocol: "tcp" }],
      probes: { readiness: { tcp: { port: "redis" } }, liveness: { tcp: { port: "redis" } } },
      workload: "stateful",
      storage: { size: "1Gi", mountPath: "/data" },
      ...(disasterRecovery === undefined ? {} : { disasterRecovery }),
    });
  const names = (definition: PlatformDefinition) => models(definition).map((m) => [m.environment.name, m.services.map((s) => s.name)]);

  it('leaves a stateful service with disasterRecovery "absent" out of the DR environment only', () => {
    const definition = platformWith([redis("absent"), cartSpec({ calls: ["redis"] })]);
    expect(names(definition)).toEqual([
      ["dev-us-west-2", ["ledger", "cart", "checkout", "redis"]],
      ["staging-us-west-2", ["ledger", "cart", "checkout", "redis"]],
      ["prod-us-west-2", ["ledger", "cart", "checkout", "redis"]],
      ["prod-us-east-1", ["ledger", "cart", "checkout"]],
    ]);
    // Its callers still declare the call; nothing there answers it.
    expect(resolvedIn(definition, "cart", "prod-us-east-1").calls).toEqual([{ tenant: "shop", service: "redis" }]);
    expect(resolvedIn(definition, "redis").disasterRecovery).toBe("absent");
  });

  it("runs it as a warm standby in the DR environment by default", () => {
    const standby = resolvedIn(platformWith([redis()]), "redis", "prod-us-east-1");
    expect(standby.disasterRecovery).toBe("warm-standby");
    expect(standby.scaling).toEqual({ kind: "fixed", replicas: 3 });
  });

  it("ignores disasterRecovery for a stateless service", () => {
    const definition = platformWith([cartSpec({ disasterRecovery: "absent" })]);
    expect(models(definition).at(-1)!.services.map((s) => s.name)).toEqual(["ledger", "cart", "checkout"]);
  });

  it("does not check the service in the environment it is absent from", () => {
    // An override that would break it, in the only environment it does not run in.
    const definition = platformWith([redis("absent")], { "prod-us-east-1": { overrides: { redis: { image: { tag: "latest" } } } } });
    expect(resolvePlatform(definition).errors).toEqual([]);
  });
});

describe("resolved identity and API access", () => {
  it("runs as a ServiceAccount named after the service, without API access, unless the spec says otherwise", () => {
    const cart = resolve(cartSpec());
    expect([cart.serviceAccountName, cart.apiAccess]).toEqual(["cart", undefined]);
    expect(resolve(cartSpec({ serviceAccountName: "cart-sa" })).serviceAccountName).toBe("cart-sa");
  });

  it("names the Role and RoleBinding after the service and puts rules in the core group by default", () => {
    const spec = cartSpec({ apiAccess: { rules: [{ resources: ["configmaps"], verbs: ["get", "watch"] }] } });
    expect(resolve(spec).apiAccess).toEqual({
      roleName: "cart-role",
      roleBindingName: "cart-rolebinding",
      rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "watch"] }],
    });
  });

  it("expresses the source document's cloud-lab RBAC example", () => {
    const verbs = ["get", "list", "watch", "create", "update", "delete"] as const;
    const spec = cartSpec({
      serviceAccountName: "cloud-lab-sa",
      apiAccess: {
        roleName: "cloud-lab-role",
        roleBindingName: "cloud-lab-rolebinding",
        rules: [
          { apiGroups: [""], resources: ["pods", "services"], verbs: [...verbs] },
          { apiGroups: ["apps"], resources: ["deployments"], verbs: [...verbs] },
        ],
      },
    });
    const service = resolve(spec);
    expect(service.serviceAccountName).toBe("cloud-lab-sa");
    expect(service.apiAccess).toEqual({
      roleName: "cloud-lab-role",
      roleBindingName: "cloud-lab-rolebinding",
      rules: [
        { apiGroups: [""], resources: ["pods", "services"], verbs: [...verbs] },
        { apiGroups: ["apps"], resources: ["deployments"], verbs: [...verbs] },
      ],
    });
  });

  it("defaults the pod's user, group, capability and writable paths", () => {
    expect(resolve(cartSpec()).security).toEqual({ runAsUser: 1000, runAsGroup: 1000, bindLowPorts: false, writablePaths: [] });
    expect(resolve(cartSpec({ security: { runAsUser: 2000, bindLowPorts: true, writablePaths: ["/tmp"] } })).security).toEqual({
      runAsUser: 2000,
      runAsGroup: 1000,
      bindLowPorts: true,
      writablePaths: ["/tmp"],
    });
  });
});

describe("resolved HPA behaviour", () => {
  const DEFAULT = {
    scaleUpStabilizationSeconds: 0,
    scaleUpPercentPer15s: 200,
    scaleUpPodsPer15s: 10,
    scaleDownStabilizationSeconds: 300,
    scaleDownPercentPerMinute: 10,
  };
  const behaviorOf = (service: ResolvedService) => (service.scaling.kind === "autoscaled" ? service.scaling.behavior : undefined);

  it("scales up fast and down slowly by default", () => {
    expect(behaviorOf(resolve(checkoutSpec()))).toEqual(DEFAULT);
  });

  it("takes the spec's speeds field by field", () => {
    const spec = checkoutSpec({ autoscaling: { minReplicas: 2, maxReplicas: 20, behavior: { scaleUpPodsPer15s: 50, scaleDownStabilizationSeconds: 600 } } });
    expect(behaviorOf(resolve(spec))).toEqual({ ...DEFAULT, scaleUpPodsPer15s: 50, scaleDownStabilizationSeconds: 600 });
  });

  it("defaults the CPU target to 70 % and leaves memory untargeted", () => {
    const scaling = resolve(checkoutSpec()).scaling;
    expect(scaling).toMatchObject({ kind: "autoscaled", cpuTargetPercent: 70, memoryTargetPercent: undefined });
  });
});

describe("resolved criticality", () => {
  it("is false by default and true when the spec says so", () => {
    expect(resolve(checkoutSpec()).critical).toBe(false);
    expect(resolve(checkoutSpec({ critical: true })).critical).toBe(true);
  });
});

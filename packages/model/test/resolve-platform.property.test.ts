import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatSpecError,
  parseQuantity,
  resolveEnvironment,
  resolvePlatform,
  resolveScaling,
  type EnvironmentSpec,
  type PlatformDefinition,
  type ServiceOverride,
  type ServiceSpec,
  type Sourced,
  type TenantSpec,
} from "../src/index.ts";
import { environmentSpec, serviceFile, sourcedEnvironment } from "./fixtures.ts";

const RUNS = { numRuns: 100 };

// ---- Values --------------------------------------------------------------------------------------------------------

/** DNS labels short enough to stay readable in a counterexample. */
const label = fc.stringMatching(/^[a-z]([-a-z0-9]{0,8}[a-z0-9])?$/);
/** Port names: at most 15 characters, starting with a letter, no `--`, not ending with `-`. */
const portName = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(-[a-z0-9]{1,6})?$/);
const envVarName = fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,10}$/);
const versionTag = fc
  .tuple(fc.boolean(), fc.nat(20), fc.nat(20), fc.nat(99))
  .map(([v, major, minor, patch]) => `${v ? "v" : ""}${major}.${minor}.${patch}`);
const digest = fc.stringMatching(/^[a-f0-9]{64}$/).map((hex) => `sha256:${hex}`);

/** A CPU amount in millicores, written as `250m`, `0.25` or `250e-3`. */
function cpu(millicores: number) {
  return fc.constantFrom(`${millicores}m`, String(millicores / 1000), `${millicores}e-3`);
}

/** A memory amount in Mi, written as `64Mi`, `65536Ki`, `0.0625Gi` or in bytes. */
function memory(mebibytes: number) {
  return fc.constantFrom(`${mebibytes}Mi`, `${mebibytes * 1024}Ki`, `${mebibytes / 1024}Gi`, String(mebibytes * 2 ** 20));
}

/** Two amounts, the smaller first (requests never above limits); often equal, to compare notations of one amount. */
const ordered = (max: number) =>
  fc
    .tuple(fc.integer({ min: 1, max }), fc.integer({ min: 1, max }), fc.boolean())
    .map(([a, b, same]) => (same ? ([a, a] as const) : ([Math.min(a, b), Math.max(a, b)] as const)));

// At most 3.8 cores: with the sidecar's 100m a pod fits the default m6i.xlarge node (3.92 allocatable: service/fits-a-node).
const resources = fc
  .tuple(ordered(3800), ordered(8192))
  .chain(([[requestCpu, limitCpu], [requestMemory, limitMemory]]) =>
    fc.record({
      requests: fc.record({ cpu: cpu(requestCpu), memory: memory(requestMemory) }),
      limits: fc.record({ cpu: cpu(limitCpu), memory: memory(limitMemory) }),
    }),
  );

/** Autoscaling that satisfies every stage: at least 10× headroom, or a reason for less. */
const autoscaling = fc.integer({ min: 1, max: 5 }).chain((minReplicas) =>
  fc.oneof(
    fc.record({ minReplicas: fc.constant(minReplicas), maxReplicas: fc.integer({ min: 10 * minReplicas, max: 100 }) }),
    fc.record({
      minReplicas: fc.constant(minReplicas),
      maxReplicas: fc.integer({ min: minReplicas, max: 100 }),
      belowTenfoldReason: fc.constant("a downstream limit"),
      cpuTargetPercent: fc.integer({ min: 1, max: 100 }),
    }),
  ),
);

/** Ports with unique names and numbers, and probes aimed at them (a service with ports needs probes). */
const portsAndProbes = fc
  .uniqueArray(fc.tuple(portName, fc.integer({ min: 1024, max: 65535 })), {
    maxLength: 3,
    selector: ([name]) => name,
  })
  .filter((ports) => new Set(ports.map(([, port]) => port)).size === ports.length)
  .chain((ports) =>
    fc.tuple(
      fc.constant(ports),
      fc.array(fc.option(fc.integer({ min: 1024, max: 65535 }), { nil: undefined }), { minLength: ports.length, maxLength: ports.length }),
      fc.array(fc.constantFrom("http", "http2", "grpc", "tcp" as const), { minLength: ports.length, maxLength: ports.length }),
    ),
  )
  .map(([ports, targets, protocols]): Pick<ServiceSpec, "ports" | "probes"> => {
    if (ports.length === 0) return {};
    const specs = ports.map(([name, port], i) => ({
      name,
      port,
      protocol: protocols[i]!,
      ...(targets[i] === undefined ? {} : { targetPort: targets[i] }),
    }));
    const last = specs[specs.length - 1]!;
    return {
      ports: specs,
      probes: {
        readiness: { http: { path: "/_healthz", port: specs[0]!.name } },
        liveness: { tcp: { port: last.targetPort ?? last.port } },
      },
    };
  });

const env = fc
  .uniqueArray(envVarName, { maxLength: 3 })
  .chain((names) =>
    fc.tuple(...names.map((name) => fc.oneof(fc.record({ name: fc.constant(name), value: fc.string({ maxLength: 8 }) }), fc.constant({ name, fieldPath: "status.podIP" })))),
  );

const workload = fc.oneof(
  { weight: 3, arbitrary: fc.constant({}) },
  {
    weight: 1,
    arbitrary: fc.record({
      workload: fc.constant("stateful" as const),
      storage: fc.integer({ min: 1, max: 100 }).map((gi) => ({ size: `${gi}Gi`, mountPath: "/data" })),
      disasterRecovery: fc.constantFrom("warm-standby" as const, "absent" as const),
    }),
  },
);

const security = fc.option(
  fc.record(
    {
      runAsUser: fc.integer({ min: 1, max: 65535 }).filter((uid) => uid !== 1337),
      writablePaths: fc.subarray(["/tmp", "/var/cache", "/home/app"]),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

/** Everything of a service but its identity and calls. */
const serviceBody = fc
  .tuple(
    fc.oneof(fc.record({ tag: versionTag }), fc.record({ digest }), fc.record({ tag: versionTag, digest })),
    portsAndProbes,
    env,
    fc.option(resources, { nil: undefined }),
    fc.oneof(fc.constant({}), fc.record({ replicas: fc.integer({ min: 0, max: 20 }) }), fc.record({ autoscaling })),
    workload,
    security,
  )
  .map(([image, ports, variables, own, scaling, kind, sec]) => ({
    image,
    ...ports,
    ...(variables.length === 0 ? {} : { env: variables }),
    ...(own === undefined ? {} : { resources: own }),
    ...scaling,
    ...kind,
    ...(sec === undefined ? {} : { security: sec }),
  }));

// ---- Platforms -----------------------------------------------------------------------------------------------------

const STAGES = ["dev", "staging", "prod"] as const;

const environmentArb = fc.tuple(label, fc.constantFrom(...STAGES), fc.constantFrom("primary" as const, "dr" as const), fc.option(
  fc.record(
    {
      autoscaling: fc.constantFrom("on" as const, "off" as const),
      maxReplicasCap: fc.integer({ min: 1, max: 20 }),
      replicas: fc.integer({ min: 1, max: 5 }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
));

const overrideArb: fc.Arbitrary<ServiceOverride> = fc.oneof(
  fc.constant({ disabled: true }),
  fc.record({ replicas: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ image: fc.record({ tag: versionTag }) }),
  fc.record({ env: fc.constant([{ name: "OVERRIDDEN", value: "yes" }]) }),
);

/**
 * A valid platform: 1–3 tenants, 1–6 services (unique per tenant, calling others that exist), 2–4 environments with
 * random stages, roles, defaults and overrides keyed by `tenant/name`. `badCalls` adds calls to undeclared services.
 */
export function platformArb({ badCalls = false } = {}): fc.Arbitrary<PlatformDefinition> {
  return fc
    .tuple(
      fc.uniqueArray(label, { minLength: 1, maxLength: 3 }),
      fc.uniqueArray(fc.tuple(fc.nat(2), label), { minLength: 1, maxLength: 6, selector: ([t, n]) => `${t}/${n}` }),
      fc.uniqueArray(environmentArb, { minLength: 2, maxLength: 4, selector: ([name]) => name }),
    )
    .chain(([tenantNames, identities, environments]) => {
      const services = identities.map(([t, name]) => ({ tenant: tenantNames[t % tenantNames.length]!, name }));
      const unique = [...new Map(services.map((s) => [`${s.tenant}/${s.name}`, s])).values()];
      const keys = unique.map((s) => `${s.tenant}/${s.name}`);
      return fc.tuple(
        fc.constant(tenantNames),
        fc.tuple(
          ...unique.map((identity, i) =>
            fc.tuple(
              fc.constant(identity),
              serviceBody,
              fc.subarray(keys.filter((_, j) => j !== i)),
              badCalls ? fc.subarray(["nowhere", "ghost/service"]) : fc.constant([]),
              label,
            ),
          ),
        ),
        fc.tuple(...environments.map((e) => fc.tuple(fc.constant(e), fc.dictionary(fc.constantFrom(...keys), overrideArb, { maxKeys: 2 })))),
      );
    })
    .map(([tenantNames, services, environments]) => {
      // A cross-tenant call needs the callee's consent: each service is exposed to its callers of other tenants.
      const exposedTo = new Map<string, string[]>();
      for (const [identity, , calls] of services) {
        for (const callee of calls) {
          if (callee.startsWith(`${identity.tenant}/`)) continue;
          exposedTo.set(callee, [...(exposedTo.get(callee) ?? []), `${identity.tenant}/${identity.name}`]);
        }
      }
      return {
        tenants: tenantNames.map((name): Sourced<TenantSpec> => ({ spec: { name, team: `${name}-team` }, file: `apps/platform/tenants/${name}.ts` })),
        services: services.map(([identity, body, calls, bad, team]) => {
          const consent = exposedTo.get(`${identity.tenant}/${identity.name}`) ?? [];
          const spec: ServiceSpec = {
            ...identity,
            team,
            ...body,
            image: { repository: `registry.example.com/${identity.tenant}/${identity.name}`, ...body.image },
            ...(calls.length + bad.length === 0 ? {} : { calls: [...calls, ...bad] }),
            ...(consent.length === 0 ? {} : { exposedTo: consent }),
          };
          return { spec, file: serviceFile(spec) };
        }),
        environments: consistentStages(environments, new Set(services.filter(([, body]) => body.workload === "stateful").map(([s]) => `${s.tenant}/${s.name}`))),
      };
    });
}

/** `a`, `b`, …, `z`, `ba`, `bb`, …: a distinct run of letters for each index (a region's middle part). */
function regionLetters(index: number): string {
  const letter = String.fromCharCode(97 + (index % 26));
  return index < 26 ? letter : `${regionLetters(Math.floor(index / 26))}${letter}`;
}

type EnvironmentDraft = readonly [readonly [string, (typeof STAGES)[number], "primary" | "dr", { replicas?: number } | undefined], Readonly<Record<string, ServiceOverride>>];

/**
 * The drawn environments made to follow the cross-environment checks (src/checks/environments/): each stage's first
 * drawn primary stays the primary (its first environment when none was drawn), the others are DR clusters; each
 * cluster is in a region of its own (an AWS-shaped `us-<letters>-1`, by its place in the list); and in a stage of several clusters every cluster takes the primary's default
 * replicas and its overrides of the stateful services, so their warm standbys match.
 */
function consistentStages(environments: readonly EnvironmentDraft[], stateful: ReadonlySet<string>): Sourced<EnvironmentSpec>[] {
  const primaryOf = new Map<string, EnvironmentDraft>();
  for (const stage of STAGES) {
    const members = environments.filter(([[, s]]) => s === stage);
    const primary = members.find(([[, , role]]) => role === "primary") ?? members[0];
    if (primary !== undefined) primaryOf.set(stage, primary);
  }
  return environments.map((draft, index) => {
    const [[name, stage, , defaults], overrides] = draft;
    const primary = primaryOf.get(stage)!;
    const [[, , , primaryDefaults], primaryOverrides] = primary;
    const { replicas: _replicas, ...ownDefaults } = defaults ?? {};
    const replicas = primaryDefaults?.replicas;
    const effectiveDefaults = { ...ownDefaults, ...(replicas === undefined ? {} : { replicas }) };
    const effectiveOverrides = Object.fromEntries([
      ...Object.entries(overrides).filter(([key]) => !stateful.has(key)),
      ...Object.entries(primaryOverrides).filter(([key]) => stateful.has(key)),
    ]);
    const base = environmentSpec(name, stage, draft === primary ? "primary" : "dr");
    return sourcedEnvironment({
      ...base,
      cluster: { ...base.cluster, region: `us-${regionLetters(index)}-1` },
      ...(Object.keys(effectiveDefaults).length === 0 ? {} : { defaults: effectiveDefaults }),
      ...(Object.keys(effectiveOverrides).length === 0 ? {} : { overrides: effectiveOverrides }),
    });
  });
}

/** The same platform with tenants, services and environments declared in another order. */
export function permuted(definition: PlatformDefinition): fc.Arbitrary<PlatformDefinition> {
  const all = <T>(items: readonly T[]) => fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
  return fc.record({ tenants: all(definition.tenants), services: all(definition.services), environments: all(definition.environments) });
}

// ---- Properties ----------------------------------------------------------------------------------------------------

describe("resolvePlatform (properties)", () => {
  it("resolves every valid platform without errors, one model per environment", () => {
    fc.assert(
      fc.property(platformArb(), (definition) => {
        const { models, errors } = resolvePlatform(definition);
        expect(errors.map(formatSpecError)).toEqual([]);
        expect(models).toHaveLength(definition.environments.length);
      }),
      RUNS,
    );
  });

  it("gives every resolved service a scaling with min ≤ max, within the environment's cap, and requests ≤ limits", () => {
    fc.assert(
      fc.property(platformArb(), (definition) => {
        for (const { environment, services } of resolvePlatform(definition).models) {
          for (const service of services) {
            const scaling = service.scaling;
            if (scaling.kind === "autoscaled") {
              expect(scaling.minReplicas).toBeLessThanOrEqual(scaling.maxReplicas);
              expect(environment.defaults.autoscaling).toBe("on");
              if (environment.defaults.maxReplicasCap !== undefined) expect(scaling.maxReplicas).toBeLessThanOrEqual(environment.defaults.maxReplicasCap);
            }
            const { requests, limits } = service.resources;
            expect(parseQuantity(requests.cpu)).toBeLessThanOrEqual(parseQuantity(limits.cpu));
            expect(parseQuantity(requests.memory)).toBeLessThanOrEqual(parseQuantity(limits.memory));
          }
        }
      }),
      RUNS,
    );
  });

  it("does not depend on the order tenants, services and environments are declared in", () => {
    const pair = platformArb().chain((definition) => fc.tuple(fc.constant(definition), permuted(definition)));
    fc.assert(
      fc.property(pair, ([definition, reordered]) => {
        expect(resolvePlatform(reordered)).toEqual(resolvePlatform(definition));
      }),
      RUNS,
    );
  });

  it("reports the same errors whatever the declaration order", () => {
    const pair = platformArb({ badCalls: true }).chain((definition) => fc.tuple(fc.constant(definition), permuted(definition)));
    fc.assert(
      fc.property(pair, ([definition, reordered]) => {
        expect(resolvePlatform(reordered).errors.map(formatSpecError)).toEqual(resolvePlatform(definition).errors.map(formatSpecError));
      }),
      RUNS,
    );
  });
});

describe("resolveScaling (properties)", () => {
  const replicaCount = fc.integer({ min: 0, max: 100_000 });
  const environment = fc
    .tuple(
      fc.constantFrom(...STAGES),
      fc.record(
        { autoscaling: fc.constantFrom("on" as const, "off" as const), maxReplicasCap: replicaCount, replicas: replicaCount },
        { requiredKeys: [] },
      ),
    )
    .map(([stage, defaults]) => resolveEnvironment(sourcedEnvironment(environmentSpec(`${stage}-x`, stage, "primary", { defaults }))));
  const spec = fc.record(
    {
      replicas: replicaCount,
      autoscaling: fc.record({ minReplicas: replicaCount, maxReplicas: replicaCount }),
      workload: fc.constantFrom("stateless" as const, "stateful" as const),
    },
    { requiredKeys: [] },
  );

  it("never yields minReplicas above maxReplicas, nor more than the spec or the cap allow", () => {
    fc.assert(
      fc.property(spec, environment, (scalingSpec, resolved) => {
        const service: ServiceSpec = { name: "s", team: "t", tenant: "t", image: { repository: "r", tag: "1.0.0" }, ...scalingSpec };
        const scaling = resolveScaling(service, resolved);
        if (scaling.kind === "fixed") {
          expect(scaling.replicas).toBe(service.replicas ?? resolved.defaults.replicas);
          return;
        }
        expect(service.replicas).toBeUndefined();
        expect(scaling.minReplicas).toBeLessThanOrEqual(scaling.maxReplicas);
        expect(scaling.minReplicas).toBeLessThanOrEqual(service.autoscaling!.minReplicas);
        expect(scaling.maxReplicas).toBeLessThanOrEqual(service.autoscaling!.maxReplicas);
        if (resolved.defaults.maxReplicasCap !== undefined) expect(scaling.maxReplicas).toBeLessThanOrEqual(resolved.defaults.maxReplicasCap);
      }),
      { numRuns: 300 },
    );
  });
});

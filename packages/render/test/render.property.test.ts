import type { EnvVarSpec, PlatformDefinition, ProbeSpec, ProbesSpec, Resources, ServicePortSpec, ServiceSpec } from "@cloudlab/model";
import { formatSpecError } from "@cloudlab/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatRenderProblem, synthesize } from "../src/index.ts";
import { fixtureEnvironments, fixtureTenants, sourcedService, type Manifest } from "./fixtures.ts";

// ---- Generators of valid service specs ---------------------------------------------------------------------------

/** A DNS label starting with a letter (Kubernetes Service names must), never ending in `-headless` (a StatefulSet's). */
const serviceName = fc.stringMatching(/^[a-z]([-a-z0-9]{0,14}[a-z0-9])?$/).filter((n) => !n.endsWith("-headless"));

/** A port name: ≤ 15 characters, lowercase letters, digits and single dashes, with a letter. */
const portName = fc
  .stringMatching(/^[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?$/)
  .filter((n) => /[a-z]/.test(n) && !n.includes("--"));

/** A container port: unprivileged, and clear of the Istio sidecar's 15000–15100. */
const containerPort = fc.integer({ min: 1024, max: 14999 });

const protocol = fc.constantFrom("http", "http2", "grpc", "tcp") as fc.Arbitrary<ServicePortSpec["protocol"]>;

/** 1–3 ports with unique names, unique Service ports and unique container ports. */
const ports: fc.Arbitrary<ServicePortSpec[]> = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc
    .tuple(
      fc.uniqueArray(portName, { minLength: n, maxLength: n }),
      fc.uniqueArray(fc.integer({ min: 1024, max: 65535 }), { minLength: n, maxLength: n }),
      fc.uniqueArray(containerPort, { minLength: n, maxLength: n }),
      fc.array(protocol, { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    )
    .map(([names, numbers, targets, protocols, sameAsPort]) =>
      names.map((name, i) => ({
        name,
        protocol: protocols[i]!,
        // Without targetPort the container listens on `port`, so use a container port for both.
        ...(sameAsPort[i] ? { port: targets[i]! } : { port: numbers[i]!, targetPort: targets[i]! }),
      })),
    )
    // Service ports must stay unique when some take their container port's number.
    .filter((list) => new Set(list.map((p) => p.port)).size === list.length),
);

const timing = fc.record(
  {
    initialDelaySeconds: fc.integer({ min: 0, max: 120 }),
    periodSeconds: fc.integer({ min: 1, max: 60 }),
    timeoutSeconds: fc.integer({ min: 1, max: 30 }),
    failureThreshold: fc.integer({ min: 1, max: 30 }),
  },
  { requiredKeys: [] },
);

/** A probe aimed at one of the service's ports: HTTP and TCP by name or number, gRPC by number. */
function probe(list: readonly ServicePortSpec[]): fc.Arbitrary<ProbeSpec> {
  const target = fc.constantFrom(...list);
  const byNameOrNumber = target.chain((p) => fc.constantFrom<string | number>(p.name, p.targetPort ?? p.port));
  const handler = fc.oneof(
    fc.record({ path: fc.constantFrom("/", "/_healthz", "/ready"), port: byNameOrNumber }).map((http) => ({ http })),
    target.map((p) => ({ grpc: { port: p.targetPort ?? p.port } })),
    byNameOrNumber.map((port) => ({ tcp: { port } })),
  );
  return fc.tuple(handler, timing).map(([h, t]) => ({ ...h, ...t }));
}

function probes(list: readonly ServicePortSpec[]): fc.Arbitrary<ProbesSpec> {
  return fc.record({ readiness: probe(list), liveness: probe(list), startup: probe(list) }, { requiredKeys: ["readiness", "liveness"] });
}

/** CPU in millicores, written as `250m`, or as cores (`1`, `0.5`) when that is exact. */
function cpu(millis: number): fc.Arbitrary<string> {
  return fc.constantFrom(`${millis}m`, ...(millis % 100 === 0 ? [String(millis / 1000)] : []));
}

/** Memory in MiB, written as `Mi`, `Gi` when whole, or plain bytes. */
function memory(mebibytes: number): fc.Arbitrary<string> {
  return fc.constantFrom(`${mebibytes}Mi`, String(mebibytes * 1024 * 1024), ...(mebibytes % 1024 === 0 ? [`${mebibytes / 1024}Gi`] : []));
}

/**
 * Requests at most their limits, each written in one of the equivalent forms; at most 3.8 cores requested, so that with
 * the sidecar's a pod fits the default m6i.xlarge node (3.92 allocatable: service/fits-a-node).
 */
const resources: fc.Arbitrary<Resources> = fc
  .tuple(fc.integer({ min: 1, max: 3800 }), fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 16, max: 8192 }), fc.integer({ min: 0, max: 8192 }))
  .chain(([cpuRequest, cpuExtra, memoryRequest, memoryExtra]) =>
    fc.record({
      requests: fc.record({ cpu: cpu(cpuRequest), memory: memory(memoryRequest) }),
      limits: fc.record({ cpu: cpu(cpuRequest + cpuExtra), memory: memory(memoryRequest + memoryExtra) }),
    }),
  );

const envVars: fc.Arbitrary<EnvVarSpec[]> = fc.uniqueArray(
  fc.tuple(
    fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,15}$/),
    fc.oneof(
      fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("yes", "no", "on", "off", "true", "0", "8080", "1e3", "null", "~")).map((value) => ({ value })),
      fc.constant({ secretKeyRef: { name: "creds", key: "password" } }),
      fc.constant({ configMapKeyRef: { name: "settings", key: "mode" } }),
      fc.constantFrom("status.podIP", "metadata.name").map((fieldPath) => ({ fieldPath })),
    ),
  ),
  { maxLength: 3, selector: ([name]) => name },
).map((list) => list.map(([name, source]) => ({ name, ...source })));

/** Autoscaling with min ≤ max; below prod's tenfold headroom it gives a reason. */
const autoscaling = fc
  .record(
    {
      minReplicas: fc.integer({ min: 1, max: 5 }),
      extra: fc.integer({ min: 0, max: 60 }),
      cpuTargetPercent: fc.integer({ min: 1, max: 100 }),
      memoryTargetPercent: fc.integer({ min: 1, max: 100 }),
    },
    { requiredKeys: ["minReplicas", "extra"] },
  )
  .map(({ minReplicas, extra, ...targets }) => {
    const maxReplicas = minReplicas + extra;
    return { minReplicas, maxReplicas, ...targets, ...(maxReplicas < 10 * minReplicas ? { belowTenfoldReason: "bounded by a downstream quota" } : {}) };
  });

const image = fc.oneof(
  fc.tuple(fc.nat(9), fc.nat(20), fc.nat(99)).map(([a, b, c]) => ({ repository: "registry.example.com/team/app", tag: `v${a}.${b}.${c}` })),
  fc.stringMatching(/^[a-f0-9]{64}$/).map((hex) => ({ repository: "registry.example.com/team/app", digest: `sha256:${hex}` })),
);

/** The workload: stateless (fixed, autoscaled or stage-default replicas) or stateful with storage (never autoscaled). */
const workload = fc.oneof(
  fc.oneof(fc.constant({}), fc.integer({ min: 0, max: 5 }).map((replicas) => ({ replicas })), autoscaling.map((a) => ({ autoscaling: a }))),
  fc
    .record({
      size: fc.constantFrom("1Gi", "10Gi", "500Mi", "2G"),
      mountPath: fc.constantFrom("/data", "/var/lib/store"),
      replicas: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    })
    .map(({ size, mountPath, replicas }) => ({
      workload: "stateful" as const,
      storage: { size, mountPath },
      ...(replicas === undefined ? {} : { replicas }),
    })),
);

/** One service's spec, apart from its name, tenant and calls. */
const serviceBody = ports.chain((list) =>
  fc.record(
    {
      ports: fc.constant(list),
      probes: probes(list),
      image,
      resources,
      env: envVars,
      workload,
      terminationGracePeriodSeconds: fc.integer({ min: 1, max: 3600 }),
    },
    { requiredKeys: ["ports", "probes", "image", "workload"] },
  ),
);

/** 1–3 services with unique names in the fixture tenants, each calling any of the others. */
const services: fc.Arbitrary<ServiceSpec[]> = fc
  .uniqueArray(fc.tuple(serviceName, fc.constantFrom("shop", "storefront"), serviceBody, fc.array(fc.boolean(), { minLength: 3, maxLength: 3 })), {
    minLength: 1,
    maxLength: 3,
    selector: ([name]) => name,
  })
  .map((list) =>
    list.map(([name, tenant, { workload: kind, ...body }, calls], i) => {
      const callees = list.filter((_, j) => j !== i && calls[j]).map(([n, t]) => (t === tenant ? n : `${t}/${n}`));
      // A call across tenants needs the callee's consent (exposedTo) as well.
      const callers = list.filter(([, t, , c], j) => j !== i && c[i] && t !== tenant).map(([n, t]) => `${t}/${n}`);
      const team = tenant === "shop" ? "shop-team" : "web-team";
      return {
        name,
        tenant,
        team,
        ...body,
        ...kind,
        ...(callees.length > 0 ? { calls: callees } : {}),
        ...(callers.length > 0 ? { exposedTo: callers } : {}),
      } satisfies ServiceSpec;
    }),
  );

function platform(specs: readonly ServiceSpec[]): PlatformDefinition {
  // Every tenant shares the Secret the generated variables may reference (\`creds\`, key \`password\`).
  const tenants = fixtureTenants().map(({ spec, file }) => ({ spec: { ...spec, secrets: [{ name: "creds", from: "creds", keys: ["password"] }] }, file }));
  return { tenants, services: specs.map(sourcedService), environments: fixtureEnvironments({}) };
}

// ---- The property ------------------------------------------------------------------------------------------------

describe("rendering random valid services", () => {
  it("gives no errors, YAML files, selectors within template labels, and no replicas where an HPA scales", () => {
    fc.assert(
      fc.property(services, (specs) => {
        const synthesis = synthesize(platform(specs));
        expect(synthesis.specErrors.map(formatSpecError)).toEqual([]);
        expect(synthesis.renderProblems.map(formatRenderProblem)).toEqual([]);
        expect(synthesis.environments).toEqual(["dev", "staging", "prod-us-west-2", "prod-us-east-1"]);

        const manifests = new Map<string, Manifest>();
        for (const file of synthesis.files) {
          const parsed = parse(file.content) as Manifest;
          expect(parse(file.content, { version: "1.1" }), file.path).toEqual(parsed);
          expect(typeof parsed.kind, file.path).toBe("string");
          manifests.set(file.path, parsed);
        }

        for (const [path, manifest] of manifests) {
          if (manifest.kind !== "Deployment" && manifest.kind !== "StatefulSet") continue;
          const selector = manifest.spec!.selector.matchLabels as Record<string, string>;
          expect(Object.keys(selector).length, path).toBeGreaterThan(0);
          expect(manifest.spec!.template.metadata.labels, path).toMatchObject(selector);
        }

        for (const spec of specs) {
          const stateful = spec.workload === "stateful";
          for (const environment of synthesis.environments) {
            const folder = `${environment}/${spec.tenant}/${spec.name}`;
            const workloadFile = `${folder}/${stateful ? "statefulset" : "deployment"}-${spec.name}.yaml`;
            const workloadObject = manifests.get(workloadFile);
            expect(workloadObject, workloadFile).toBeDefined();
            const hpa = manifests.get(`${folder}/horizontalpodautoscaler-${spec.name}.yaml`);
            const autoscaled = spec.autoscaling !== undefined && environment !== "dev";
            if (autoscaled) {
              expect(workloadObject!.spec, workloadFile).not.toHaveProperty("replicas");
              expect(hpa, `${folder} HPA`).toBeDefined();
              expect(hpa!.spec!.minReplicas).toBeLessThanOrEqual(hpa!.spec!.maxReplicas);
              expect(hpa!.spec!.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: spec.name });
            } else {
              expect(typeof workloadObject!.spec!.replicas, workloadFile).toBe("number");
              expect(hpa, `${folder} HPA`).toBeUndefined();
            }
            if (spec.replicas !== undefined) expect(workloadObject!.spec!.replicas).toBe(spec.replicas);
            const service = manifests.get(`${folder}/service-${spec.name}.yaml`);
            expect(service!.spec!.ports.map((p: { port: number }) => p.port)).toEqual(spec.ports!.map((p) => p.port));
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});

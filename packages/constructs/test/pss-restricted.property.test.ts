import type { PlatformDefinition, ServiceSpec } from "@cloudlab/model";
import { App } from "cdk8s";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EnvironmentChart, KubeObject } from "../src/index.ts";
import { resolveModels, sourcedEnvironment, sourcedService, sourcedTenant } from "./fixtures.ts";

/*
 * Every pod template the generator renders satisfies Pod Security Standards "restricted" (v1.28), plus the platform's
 * own rules (read-only root filesystem, never UID 1337), and every container has CPU and memory requests and limits.
 * The checks follow the standard's controls, read from the rendered JSON.
 */

type SecurityContext = Record<string, any> | undefined;
interface Container {
  readonly name: string;
  readonly securityContext?: SecurityContext;
  readonly ports?: readonly { hostPort?: number }[];
  readonly resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
}
interface PodSpec {
  readonly hostNetwork?: boolean;
  readonly hostPID?: boolean;
  readonly hostIPC?: boolean;
  readonly securityContext?: SecurityContext;
  readonly volumes?: readonly Record<string, unknown>[];
  readonly containers: readonly Container[];
  readonly initContainers?: readonly Container[];
  readonly ephemeralContainers?: readonly Container[];
}

/** The volume types "restricted" allows. */
const ALLOWED_VOLUMES = new Set(["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"]);
const ISTIO_PROXY_UID = 1337;

/** Every pod template of a rendered object: workloads, Jobs and CronJobs. */
function podSpecs(json: { kind: string; spec?: any }): PodSpec[] {
  if (json.kind === "Pod") return [json.spec];
  if (json.spec?.template?.spec !== undefined) return [json.spec.template.spec];
  if (json.spec?.jobTemplate?.spec?.template?.spec !== undefined) return [json.spec.jobTemplate.spec.template.spec];
  return [];
}

/** The violations of one pod spec, each naming the control and the container. */
function violations(pod: PodSpec): string[] {
  const found: string[] = [];
  const podContext = pod.securityContext ?? {};
  for (const field of ["hostNetwork", "hostPID", "hostIPC"] as const) if (pod[field] === true) found.push(`${field} is true`);
  for (const volume of pod.volumes ?? []) {
    const types = Object.keys(volume).filter((k) => k !== "name");
    for (const type of types) if (!ALLOWED_VOLUMES.has(type)) found.push(`volume ${String(volume.name)} is a ${type}`);
  }
  if (podContext.runAsUser === 0) found.push("pod runAsUser is 0");
  if (podContext.runAsUser === ISTIO_PROXY_UID) found.push("pod runAsUser is the Istio proxy's 1337");
  if (podContext.sysctls !== undefined) found.push("pod sets sysctls");
  if (podContext.seLinuxOptions !== undefined) found.push("pod sets seLinuxOptions");
  if (podContext.seccompProfile?.type === "Unconfined") found.push("pod seccompProfile is Unconfined");
  const containers = [...pod.containers, ...(pod.initContainers ?? []), ...(pod.ephemeralContainers ?? [])];
  if (pod.containers.length === 0) found.push("no containers");
  for (const container of containers) {
    const at = (what: string) => found.push(`container ${container.name}: ${what}`);
    const context = container.securityContext ?? {};
    if (context.privileged === true) at("privileged");
    if (context.allowPrivilegeEscalation !== false) at("allowPrivilegeEscalation is not false");
    if (!(context.capabilities?.drop ?? []).includes("ALL")) at("capabilities do not drop ALL");
    for (const capability of context.capabilities?.add ?? []) if (capability !== "NET_BIND_SERVICE") at(`adds capability ${capability}`);
    const runAsNonRoot = context.runAsNonRoot ?? podContext.runAsNonRoot;
    if (runAsNonRoot !== true) at("runAsNonRoot is not true");
    const runAsUser = context.runAsUser ?? podContext.runAsUser;
    if (runAsUser === 0) at("runs as UID 0");
    if (runAsUser === ISTIO_PROXY_UID) at("runs as the Istio proxy's UID 1337");
    const seccomp = context.seccompProfile?.type ?? podContext.seccompProfile?.type;
    if (seccomp !== "RuntimeDefault" && seccomp !== "Localhost") at(`seccompProfile is ${seccomp ?? "unset"}`);
    if (context.readOnlyRootFilesystem !== true) at("root filesystem is writable");
    if (context.procMount !== undefined && context.procMount !== "Default") at(`procMount is ${context.procMount}`);
    if (context.seLinuxOptions !== undefined) at("sets seLinuxOptions");
    if (context.windowsOptions?.hostProcess === true) at("is a Windows host process");
    for (const port of container.ports ?? []) if (port.hostPort !== undefined && port.hostPort !== 0) at(`uses hostPort ${port.hostPort}`);
    for (const side of ["requests", "limits"] as const) {
      for (const resource of ["cpu", "memory"]) if (container.resources?.[side]?.[resource] === undefined) at(`has no ${resource} ${side.slice(0, -1)}`);
    }
  }
  return found;
}

function renderedPodSpecs(definition: PlatformDefinition): { where: string; pod: PodSpec }[] {
  return resolveModels(definition).flatMap((model) => {
    const chart = new EnvironmentChart(new App(), model.environment.name, { model });
    return chart.node
      .findAll()
      .filter((c): c is KubeObject => c instanceof KubeObject)
      .flatMap((object) => {
        const json = object.toJson() as { kind: string; metadata: { name: string; namespace?: string }; spec?: unknown };
        return podSpecs(json).map((pod) => ({ where: `${model.environment.name} ${json.kind}/${json.metadata.namespace}/${json.metadata.name}`, pod }));
      });
  });
}

// ---- Random valid services --------------------------------------------------------------------------------------------

const portsArb = fc
  .uniqueArray(fc.tuple(fc.constantFrom("http", "web", "grpc", "admin", "metrics", "dns"), fc.integer({ min: 1024, max: 65535 }), fc.constantFrom("http", "http2", "grpc", "tcp" as const)), {
    maxLength: 3,
    selector: ([name]) => name,
  })
  .filter((ports) => new Set(ports.map(([, port]) => port)).size === ports.length);

const resourcesArb = fc.option(
  fc.record({
    requests: fc.record({ cpu: fc.constantFrom("10m", "100m", "0.5"), memory: fc.constantFrom("16Mi", "64Mi") }),
    limits: fc.record({ cpu: fc.constantFrom("1", "2"), memory: fc.constantFrom("128Mi", "1Gi") }),
  }),
  { nil: undefined },
);

const scalingArb = fc.oneof(
  fc.constant({}),
  fc.record({ replicas: fc.integer({ min: 0, max: 4 }) }),
  fc.integer({ min: 1, max: 3 }).map((min) => ({ autoscaling: { minReplicas: min, maxReplicas: 10 * min } })),
);

const securityArb = fc.option(
  fc.record(
    {
      runAsUser: fc.integer({ min: 1, max: 2 ** 31 - 1 }).filter((uid) => uid !== ISTIO_PROXY_UID),
      runAsGroup: fc.integer({ min: 1, max: 65535 }),
      bindLowPorts: fc.boolean(),
      writablePaths: fc.subarray(["/tmp", "/var/cache/app", "/home/app/.cache", "/run"]),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const versionsArb = fc.constantFrom(
  {},
  { versions: [{ name: "v1", weight: 50 }, { name: "v2", weight: 50, image: { tag: "2.0.0" } }] },
  { versions: [{ name: "blue" }, { name: "green" }], routing: { strategy: "blue-green" as const, live: "blue" } },
);

const serviceArb = (name: string) =>
  fc
    .record({
      ports: portsArb,
      resources: resourcesArb,
      scaling: scalingArb,
      security: securityArb,
      stateful: fc.boolean(),
      versions: versionsArb,
      apiAccess: fc.boolean(),
      preStop: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
    })
    .map(({ ports, resources, scaling, security, stateful, versions, apiAccess, preStop }): ServiceSpec => {
      const declared = ports.map(([portName, port, protocol]) => ({ name: portName, port, protocol }));
      return {
        name,
        team: "shop-team",
        tenant: "shop",
        image: { repository: `registry.example.com/shop/${name}`, tag: "1.0.0" },
        ...(declared.length === 0
          ? {}
          : { ports: declared, probes: { readiness: { tcp: { port: declared[0]!.port } }, liveness: { tcp: { port: declared[0]!.name } } } }),
        ...(resources === undefined ? {} : { resources }),
        ...scaling,
        ...(security === undefined ? {} : { security }),
        ...(stateful ? { workload: "stateful" as const, storage: { size: "1Gi", mountPath: "/data" } } : {}),
        ...versions,
        ...(apiAccess ? { apiAccess: { rules: [{ resources: ["configmaps"], verbs: ["get" as const, "watch" as const] }] } } : {}),
        ...(preStop === undefined ? {} : { preStopSleepSeconds: preStop }),
      };
    });

const platformArb: fc.Arbitrary<PlatformDefinition> = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => serviceArb(`svc-${i}`))))
  .map((services) => ({
    tenants: [sourcedTenant({ name: "shop", team: "shop-team" })],
    services: services.map((spec) => sourcedService(spec)),
    environments: [
      sourcedEnvironment({ name: "dev", stage: "dev", cluster: { name: "dev", provider: "eks", region: "us-west-2" } }),
      sourcedEnvironment({ name: "prod", stage: "prod", cluster: { name: "prod", provider: "gke", region: "us-central1", gcpProject: "shop-prod-1" } }),
    ],
  }));

describe("every rendered pod template (property)", () => {
  it("is PSS restricted v1.28, never UID 1337, and every container has CPU and memory requests and limits", () => {
    fc.assert(
      fc.property(platformArb, (definition) => {
        const pods = renderedPodSpecs(definition);
        const services = definition.services.length;
        expect(pods.length).toBeGreaterThanOrEqual(2 * services);
        for (const { where, pod } of pods) expect(violations(pod), where).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it("adds NET_BIND_SERVICE exactly when the service binds low ports", () => {
    fc.assert(
      fc.property(serviceArb("svc-0"), (spec) => {
        const definition: PlatformDefinition = {
          tenants: [sourcedTenant({ name: "shop", team: "shop-team" })],
          services: [sourcedService(spec)],
          environments: [sourcedEnvironment({ name: "dev", stage: "dev", cluster: { name: "dev", provider: "eks", region: "us-west-2" } })],
        };
        for (const { pod } of renderedPodSpecs(definition).filter((p) => p.where.includes("/shop/"))) {
          const expected = spec.security?.bindLowPorts === true ? ["NET_BIND_SERVICE"] : undefined;
          expect(pod.containers.map((c) => c.securityContext?.capabilities?.add)).toEqual([expected]);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe("the PSS checker", () => {
  const restricted: PodSpec = {
    securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } },
    volumes: [{ name: "tmp", emptyDir: {} }],
    containers: [
      {
        name: "app",
        securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
        resources: { requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } },
      },
    ],
  };
  const app = restricted.containers[0]!;

  it("accepts a restricted pod", () => {
    expect(violations(restricted)).toEqual([]);
  });

  it.each<[string, PodSpec, string[]]>([
    ["host namespaces", { ...restricted, hostNetwork: true, hostPID: true, hostIPC: true }, ["hostNetwork is true", "hostPID is true", "hostIPC is true"]],
    ["a hostPath volume", { ...restricted, volumes: [{ name: "root", hostPath: { path: "/" } }] }, ["volume root is a hostPath"]],
    ["root", { ...restricted, securityContext: { ...restricted.securityContext, runAsUser: 0 } }, ["pod runAsUser is 0", "container app: runs as UID 0"]],
    ["the proxy's UID", { ...restricted, containers: [{ ...app, securityContext: { ...app.securityContext, runAsUser: 1337 } }] }, ["container app: runs as the Istio proxy's UID 1337"]],
    ["no seccomp profile", { ...restricted, securityContext: { runAsNonRoot: true } }, ["container app: seccompProfile is unset"]],
    [
      "privilege, escalation, capabilities, a writable root, a host port",
      {
        ...restricted,
        containers: [
          {
            ...app,
            ports: [{ hostPort: 80 }],
            securityContext: { privileged: true, capabilities: { drop: ["NET_RAW"], add: ["SYS_ADMIN", "NET_BIND_SERVICE"] } },
          },
        ],
      },
      [
        "container app: privileged",
        "container app: allowPrivilegeEscalation is not false",
        "container app: capabilities do not drop ALL",
        "container app: adds capability SYS_ADMIN",
        "container app: root filesystem is writable",
        "container app: uses hostPort 80",
      ],
    ],
    [
      "an init container without limits, allowed to run as root",
      { ...restricted, initContainers: [{ ...app, name: "init", securityContext: { ...app.securityContext, runAsNonRoot: false }, resources: { requests: { cpu: "1", memory: "1Gi" } } }] },
      ["container init: runAsNonRoot is not true", "container init: has no cpu limit", "container init: has no memory limit"],
    ],
  ])("refuses %s", (_, pod, expected) => {
    expect(violations(pod)).toEqual(expected);
  });
});

import type { Tree } from "nx/src/devkit-exports";
import { checkName, GeneratorError, literal, PLATFORM_ROOT, writeNewFiles, type GeneratedFile } from "../generated-files.ts";

/** The options of `nx g @cloudlab/platform:service` (schema.json). */
export interface ServiceGeneratorOptions {
  /** The service's name (a DNS label). */
  readonly name: string;
  /** The tenant it runs in; its file must exist under `apps/platform/tenants/`. */
  readonly tenant: string;
  /** The port the container listens on, 1024 to 65535. */
  readonly port: number;
  /**
   * The port's protocol: the probes are HTTP GET /healthz or the gRPC health check.
   * @default "http"
   */
  readonly protocol?: "http" | "grpc";
  /**
   * A StatefulSet with one volume claim per replica, instead of a Deployment.
   * @default false
   */
  readonly stateful?: boolean;
  /**
   * The owning team.
   * @default the tenant's team
   */
  readonly team?: string;
  /**
   * The image repository.
   * @default `registry.cloud-lab.example/<tenant>/<name>`
   */
  readonly repository?: string;
}

/** The checked options with every default filled in. */
interface ServiceSettings {
  readonly name: string;
  readonly tenant: string;
  readonly team: string;
  readonly port: number;
  readonly protocol: "http" | "grpc";
  readonly stateful: boolean;
  readonly repository: string;
}

/** The team a tenant file declares (`team: "…"`), if written literally. */
export function tenantTeam(source: string): string | undefined {
  return /\bteam:\s*"([a-z0-9-]+)"/.exec(source)?.[1];
}

/** Checks the options against the tenant's file (its text, undefined when it does not exist) and fills in defaults. */
export function serviceSettings(options: ServiceGeneratorOptions, tenantSource: string | undefined): ServiceSettings {
  const name = checkName("name", options.name);
  const tenant = checkName("tenant", options.tenant);
  if (tenantSource === undefined) {
    throw new GeneratorError(`--tenant ${tenant}: no ${PLATFORM_ROOT}/tenants/${tenant}.ts; create the tenant first: nx g @cloudlab/platform:tenant ${tenant} --team <team>`);
  }
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new GeneratorError(`--port ${String(options.port)}: must be a whole number from 1024 to 65535 (the container runs without the capability to bind lower ports)`);
  }
  const protocol = options.protocol ?? "http";
  if (protocol !== "http" && protocol !== "grpc") throw new GeneratorError(`--protocol ${String(protocol)}: must be http or grpc`);
  const team = options.team === undefined ? (tenantTeam(tenantSource) ?? tenant) : checkName("team", options.team);
  return { name, tenant, team, port, protocol, stateful: options.stateful === true, repository: options.repository ?? `registry.cloud-lab.example/${tenant}/${name}` };
}

function specSource(s: ServiceSettings): string {
  const probe = s.protocol === "grpc" ? `{ grpc: { port: ${s.port} } }` : `{ http: { path: "/healthz", port: "http" } }`;
  const sizing = s.stateful
    ? [
        "  // A StatefulSet: each replica has its own volume (nothing is shared or replicated by the platform). Raise",
        "  // replicas only if the software replicates its data itself.",
        '  workload: "stateful",',
        '  storage: { size: "1Gi", mountPath: "/data" },',
        "  replicas: 1,",
      ]
    : [
        "  // Room for the platform's 10× traffic spikes in prod (the spike-headroom check): maxReplicas = 10 × minReplicas.",
        "  autoscaling: { minReplicas: 2, maxReplicas: 20, cpuTargetPercent: 70 },",
      ];
  return [
    'import { defineService } from "@cloudlab/model";',
    "",
    `// Made by \`nx g @cloudlab/platform:service ${s.name} --tenant ${s.tenant} --port ${s.port} --protocol ${s.protocol}${s.stateful ? " --stateful" : ""}\`.`,
    "// Every value is one of the platform's safe defaults: change what the service needs (docs/adding-a-service.md), then",
    "// `npm run synth` and commit this file with the rendered environments/.",
    "export default defineService({",
    `  name: ${literal(s.name)},`,
    `  team: ${literal(s.team)},`,
    `  tenant: ${literal(s.tenant)},`,
    `  description: ${literal(`The ${s.name} service.`)},`,
    `  image: { repository: ${literal(s.repository)}, tag: "0.1.0" },`,
    `  ports: [{ name: ${literal(s.protocol)}, port: ${s.port}, protocol: ${literal(s.protocol)} }],`,
    '  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },',
    s.protocol === "grpc"
      ? "  // Readiness and liveness on the service's port: the container serves the standard gRPC health check there."
      : "  // Readiness and liveness on the service's port: the container answers GET /healthz there.",
    "  probes: {",
    `    readiness: ${probe},`,
    `    liveness: ${probe},`,
    "  },",
    ...sizing,
    "  // No callers until declared: a caller lists this service in its own `calls` (a caller in another tenant is also",
    "  // added to `exposedTo` here). Services this one calls go in `calls` below.",
    "  calls: [],",
    "});",
    "",
  ].join("\n");
}

function testSource(s: ServiceSettings): string {
  const id = `${s.tenant}/${s.name}`;
  return [
    'import { resolvePlatform, type PlatformResolution } from "@cloudlab/model";',
    'import { beforeAll, describe, expect, it } from "vitest";',
    'import { loadSample } from "../../sample-render.ts";',
    "",
    `const FILE = "${PLATFORM_ROOT}/services/${s.tenant}/${s.name}.ts";`,
    "let resolution: PlatformResolution;",
    "",
    "beforeAll(async () => {",
    "  resolution = resolvePlatform(await loadSample());",
    "});",
    "",
    `// Made by the service generator with ${s.name}; keep it, and add what your service must guarantee.`,
    `describe(${literal(id)}, () => {`,
    "  it(\"checks without errors\", () => {",
    "    expect(resolution.errors.filter((e) => e.file === FILE)).toEqual([]);",
    "  });",
    "",
    `  it("runs in every environment, probed on its port${s.stateful ? "" : ", with 10× headroom in prod"}", () => {`,
    "    expect(resolution.models.length).toBeGreaterThan(0);",
    "    for (const model of resolution.models) {",
    `      const service = model.services.find((x) => x.tenant === ${literal(s.tenant)} && x.name === ${literal(s.name)});`,
    "      expect(service, model.environment.name).toBeDefined();",
    `      expect(service!.ports.map((p) => p.targetPort)).toEqual([${s.port}]);`,
    "      expect(service!.probes).toBeDefined();",
    ...(s.stateful
      ? []
      : [
          '      if (model.environment.stage === "prod" && service!.scaling.kind === "autoscaled") {',
          "        expect(service!.scaling.maxReplicas).toBeGreaterThanOrEqual(10 * service!.scaling.minReplicas);",
          "      }",
        ]),
    "    }",
    "  });",
    "});",
    "",
  ].join("\n");
}

/** The spec file and its test, for the checked options. */
export function serviceFiles(settings: ServiceSettings): GeneratedFile[] {
  return [
    { path: `${PLATFORM_ROOT}/services/${settings.tenant}/${settings.name}.ts`, content: specSource(settings) },
    { path: `${PLATFORM_ROOT}/test/services/${settings.tenant}/${settings.name}.test.ts`, content: testSource(settings) },
  ];
}

/** `nx g @cloudlab/platform:service <name> --tenant <t> --port <p> [--protocol grpc|http] [--stateful]`. */
export default function serviceGenerator(tree: Tree, options: ServiceGeneratorOptions): void {
  const tenantFile = `${PLATFORM_ROOT}/tenants/${String(options.tenant)}.ts`;
  const settings = serviceSettings(options, tree.exists(tenantFile) ? (tree.read(tenantFile, "utf-8") ?? undefined) : undefined);
  writeNewFiles(tree, serviceFiles(settings));
}

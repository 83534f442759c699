import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FsTree, flushChanges } from "nx/src/generators/tree";
import { afterEach, describe, expect, it } from "vitest";
import environmentGenerator, { environmentFiles } from "../../generators/environment/environment-generator.ts";
import serviceGenerator, { serviceFiles, serviceSettings, tenantTeam } from "../../generators/service/service-generator.ts";
import tenantGenerator, { tenantFiles } from "../../generators/tenant/tenant-generator.ts";

const TENANT = 'import { defineTenant } from "@cloudlab/model";\n\nexport default defineTenant({ name: "shop", team: "shop-team" });\n';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Nx's own file tree over an empty temporary workspace. */
function workspace(): { root: string; tree: FsTree } {
  const root = mkdtempSync(join(tmpdir(), "cloudlab-generators-"));
  temps.push(root);
  return { root, tree: new FsTree(root, false) };
}

describe("the service generator", () => {
  it("writes the spec with the platform's safe defaults, and a test of it", () => {
    const [spec, test] = serviceFiles(serviceSettings({ name: "orders", tenant: "shop", port: 8080 }, TENANT));
    expect(spec).toEqual({
      path: "apps/platform/services/shop/orders.ts",
      content: [
        'import { defineService } from "@cloudlab/model";',
        "",
        "// Made by `nx g @cloudlab/platform:service orders --tenant shop --port 8080 --protocol http`.",
        "// Every value is one of the platform's safe defaults: change what the service needs (docs/adding-a-service.md), then",
        "// `npm run synth` and commit this file with the rendered environments/.",
        "export default defineService({",
        '  name: "orders",',
        '  team: "shop-team",',
        '  tenant: "shop",',
        '  description: "The orders service.",',
        '  image: { repository: "registry.cloud-lab.example/shop/orders", tag: "0.1.0" },',
        '  ports: [{ name: "http", port: 8080, protocol: "http" }],',
        '  resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "256Mi" } },',
        "  // Readiness and liveness on the service's port: the container answers GET /healthz there.",
        "  probes: {",
        '    readiness: { http: { path: "/healthz", port: "http" } },',
        '    liveness: { http: { path: "/healthz", port: "http" } },',
        "  },",
        "  // Room for the platform's 10× traffic spikes in prod (the spike-headroom check): maxReplicas = 10 × minReplicas.",
        "  autoscaling: { minReplicas: 2, maxReplicas: 20, cpuTargetPercent: 70 },",
        "  // No callers until declared: a caller lists this service in its own `calls` (a caller in another tenant is also",
        "  // added to `exposedTo` here). Services this one calls go in `calls` below.",
        "  calls: [],",
        "});",
        "",
      ].join("\n"),
    });
    expect(test!.path).toBe("apps/platform/test/services/shop/orders.test.ts");
    expect(test!.content).toContain('const FILE = "apps/platform/services/shop/orders.ts";');
    expect(test!.content).toContain("expect(service!.ports.map((p) => p.targetPort)).toEqual([8080]);");
    expect(test!.content).toContain("toBeGreaterThanOrEqual(10 * service!.scaling.minReplicas)");
  });

  it("probes a gRPC port with the gRPC health check, and makes a stateful service a StatefulSet with a volume", () => {
    const [grpc] = serviceFiles(serviceSettings({ name: "ledger", tenant: "shop", port: 50051, protocol: "grpc" }, TENANT));
    expect(grpc!.content).toContain('  ports: [{ name: "grpc", port: 50051, protocol: "grpc" }],\n');
    expect(grpc!.content).toContain("    readiness: { grpc: { port: 50051 } },\n    liveness: { grpc: { port: 50051 } },\n");
    const [stateful, test] = serviceFiles(serviceSettings({ name: "store", tenant: "shop", port: 6000, stateful: true }, TENANT));
    expect(stateful!.content).toContain('  workload: "stateful",\n  storage: { size: "1Gi", mountPath: "/data" },\n  replicas: 1,\n');
    expect(stateful!.content).not.toContain("autoscaling");
    expect(test!.content).not.toContain("minReplicas");
  });

  it.each([
    [{ name: "Orders", tenant: "shop", port: 8080 }, TENANT, "--name Orders: must be a DNS label (lower-case letters, digits and '-', starting with a letter, at most 63)"],
    [{ name: "orders", tenant: "billing", port: 8080 }, undefined, "--tenant billing: no apps/platform/tenants/billing.ts; create the tenant first: nx g @cloudlab/platform:tenant billing --team <team>"],
    [{ name: "orders", tenant: "shop", port: 80 }, TENANT, "--port 80: must be a whole number from 1024 to 65535 (the container runs without the capability to bind lower ports)"],
    [{ name: "orders", tenant: "shop", port: 8080.5 }, TENANT, "--port 8080.5: must be a whole number from 1024 to 65535 (the container runs without the capability to bind lower ports)"],
    [{ name: "orders", tenant: "shop", port: 8080, protocol: "tcp" as "http" }, TENANT, "--protocol tcp: must be http or grpc"],
  ])("rejects %j with a message naming the option", (options, tenant, message) => {
    expect(() => serviceSettings(options, tenant)).toThrow(message);
  });

  it("takes the team from the tenant's file, or the tenant's name when the file does not say", () => {
    expect(tenantTeam(TENANT)).toBe("shop-team");
    expect(serviceSettings({ name: "a", tenant: "shop", port: 8080 }, "export default x;").team).toBe("shop");
    expect(serviceSettings({ name: "a", tenant: "shop", port: 8080, team: "other" }, TENANT).team).toBe("other");
  });

  it("writes through Nx's tree, and never over an existing file (nothing is written then)", () => {
    const { root, tree } = workspace();
    tree.write("apps/platform/tenants/shop.ts", TENANT);
    serviceGenerator(tree, { name: "orders", tenant: "shop", port: 8080 });
    flushChanges(root, tree.listChanges());
    expect(readFileSync(join(root, "apps/platform/services/shop/orders.ts"), "utf8")).toContain('name: "orders"');

    const again = new FsTree(root, false);
    again.write("apps/platform/test/services/shop/other.test.ts", "keep");
    expect(() => serviceGenerator(again, { name: "orders", tenant: "shop", port: 9090 })).toThrow(
      "apps/platform/services/shop/orders.ts, apps/platform/test/services/shop/orders.test.ts already exists; nothing was written",
    );
    expect(again.listChanges().map((c) => c.path)).toEqual(["apps/platform/test/services/shop/other.test.ts"]);
  });
});

describe("the tenant generator", () => {
  it("writes a tenant with its team and a quota with room for three generated services", () => {
    const [file] = tenantFiles({ name: "payments", team: "payments-team" });
    expect(file!.path).toBe("apps/platform/tenants/payments.ts");
    expect(file!.content).toContain('export default defineTenant({\n  name: "payments",\n  team: "payments-team",\n');
    expect(file!.content).toContain('  quota: { requestsCpu: "12", requestsMemory: "24Gi", limitsCpu: "42", limitsMemory: "48Gi" },\n');
    expect(tenantFiles({ name: "payments" })[0]!.content).toContain('  team: "payments",\n');
    expect(() => tenantFiles({ name: "-x" })).toThrow("--name -x: must be a DNS label");
    const { tree } = workspace();
    tenantGenerator(tree, { name: "payments" });
    expect(tree.listChanges().map((c) => c.path)).toEqual(["apps/platform/tenants/payments.ts"]);
  });
});

describe("the environment generator", () => {
  it("writes a dev environment, and a prod one that takes its role from lib/failover.ts", () => {
    expect(environmentFiles({ name: "qa", stage: "dev", region: "eu-west-1" })[0]).toEqual({
      path: "apps/platform/environments/qa.ts",
      content: [
        'import { defineEnvironment } from "@cloudlab/model";',
        "",
        "// Made by `nx g @cloudlab/platform:environment qa --stage dev --region eu-west-1`. See",
        "// docs/adding-an-environment.md: per-environment host names and overrides go in `overrides`.",
        "export default defineEnvironment({",
        '  name: "qa",',
        '  stage: "dev",',
        '  cluster: { name: "qa", provider: "eks", region: "eu-west-1" },',
        "});",
        "",
      ].join("\n"),
    });
    const prod = environmentFiles({ name: "prod-eu-west-1", stage: "prod", region: "eu-west-1" })[0]!.content;
    expect(prod).toContain('import { prodRole } from "../lib/failover.ts";\n');
    expect(prod).toContain('  cluster: { name: "prod-eu-west-1", provider: "eks", region: "eu-west-1", role: prodRole("eu-west-1"), network: "network-eu-west-1" },\n');
  });

  it("rejects a stage, a provider or a GKE cluster without its project", () => {
    expect(() => environmentFiles({ name: "qa", stage: "test" as "dev", region: "eu-west-1" })).toThrow("--stage test: must be one of dev, staging, prod");
    expect(() => environmentFiles({ name: "qa", stage: "dev", region: "eu-west-1", provider: "aks" as "eks" })).toThrow("--provider aks: must be one of eks, gke");
    expect(() => environmentFiles({ name: "qa", stage: "dev", region: "europe-west1", provider: "gke" })).toThrow("--gcpProject: required with --provider gke");
    const { tree } = workspace();
    environmentGenerator(tree, { name: "qa", stage: "dev", region: "europe-west1", provider: "gke", gcpProject: "shop-qa" });
    expect(tree.read("apps/platform/environments/qa.ts", "utf-8")).toContain('gcpProject: "shop-qa"');
  });
});

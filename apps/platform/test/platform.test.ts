import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { resolvePlatform, type EnvironmentModel, type PlatformDefinition, type PlatformResolution } from "@cloudlab/model";
import { beforeAll, describe, expect, it } from "vitest";
import { loadPlatform } from "../../cli/src/load-platform.ts";

/** The repository root, from this file's location (apps/platform/test). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const ENVIRONMENTS = ["dev", "staging", "prod-us-west-2", "prod-us-east-1"];

/** The 12 services of Online Boutique (Google's microservices demo). */
const BOUTIQUE = [
  "adservice",
  "cartservice",
  "checkoutservice",
  "currencyservice",
  "emailservice",
  "frontend",
  "loadgenerator",
  "paymentservice",
  "productcatalogservice",
  "recommendationservice",
  "redis-cart",
  "shippingservice",
];

/** Online Boutique's call graph, as `caller → callee`. */
const CALL_GRAPH = [
  "frontend → productcatalogservice",
  "frontend → currencyservice",
  "frontend → cartservice",
  "frontend → recommendationservice",
  "frontend → shippingservice",
  "frontend → checkoutservice",
  "frontend → adservice",
  "checkoutservice → productcatalogservice",
  "checkoutservice → shippingservice",
  "checkoutservice → paymentservice",
  "checkoutservice → emailservice",
  "checkoutservice → currencyservice",
  "checkoutservice → cartservice",
  "cartservice → redis-cart",
  "recommendationservice → productcatalogservice",
  "loadgenerator → frontend",
];

let definition: PlatformDefinition;
let resolution: PlatformResolution;

beforeAll(async () => {
  definition = await loadPlatform("apps/platform", REPO_ROOT);
  resolution = resolvePlatform(definition);
});

function model(name: string): EnvironmentModel {
  const found = resolution.models.find((m) => m.environment.name === name);
  if (found === undefined) throw new Error(`no environment ${name}`);
  return found;
}

describe("the sample platform (apps/platform)", () => {
  it("loads every spec file, attributed relative to the repository root", () => {
    expect(definition.tenants.map((t) => t.file)).toEqual(["apps/platform/tenants/boutique.ts", "apps/platform/tenants/cloud-lab.ts"]);
    expect(definition.environments.map((e) => e.file).sort()).toEqual(
      ["dev", "prod-us-east-1", "prod-us-west-2", "staging"].map((name) => `apps/platform/environments/${name}.ts`),
    );
    expect(definition.services.map((s) => s.file)).toEqual([
      ...BOUTIQUE.map((name) => `apps/platform/services/boutique/${name}.ts`),
      "apps/platform/services/cloud-lab/cloud-lab-service.ts",
    ]);
  });

  it("checks without errors", () => {
    expect(resolution.errors).toEqual([]);
  });

  it("declares 4 environments, in order dev, staging, prod-us-west-2, prod-us-east-1", () => {
    expect(resolution.models.map((m) => m.environment.name)).toEqual(ENVIRONMENTS);
    expect(resolution.models.map((m) => m.environment.stage)).toEqual(["dev", "staging", "prod", "prod"]);
    expect(model("prod-us-west-2").environment.cluster.role).toBe("primary");
    expect(model("prod-us-east-1").environment.cluster.role).toBe("dr");
  });

  it("declares the tenants cloud-lab and boutique", () => {
    for (const m of resolution.models) expect(m.tenants.map((t) => t.name)).toEqual(["boutique", "cloud-lab"]);
  });

  it("gives cloud-lab exactly the quota requests.cpu 4, requests.memory 8Gi, limits.cpu 8, limits.memory 16Gi", () => {
    for (const m of resolution.models) {
      expect(m.tenants.find((t) => t.name === "cloud-lab")!.quota).toEqual({
        requestsCpu: "4",
        requestsMemory: "8Gi",
        limitsCpu: "8",
        limitsMemory: "16Gi",
      });
    }
    // …and the committed render says the same (bin.test.ts checks that environments/ is a fresh render).
    for (const env of ENVIRONMENTS) {
      const quota = readFileSync(join(REPO_ROOT, "environments", env, "cloud-lab/_tenant/resourcequota-cloud-lab-quota.yaml"), "utf8");
      expect(quota).toContain(
        ["  hard:", '    limits.cpu: "8"', "    limits.memory: 16Gi", '    requests.cpu: "4"', "    requests.memory: 8Gi", ""].join("\n"),
      );
    }
  });

  it("runs the 12 Online Boutique services and cloud-lab-service in every environment", () => {
    const expected = [...BOUTIQUE.map((name) => `boutique/${name}`), "cloud-lab/cloud-lab-service"];
    for (const m of resolution.models) {
      expect(m.services.map((s) => `${s.tenant}/${s.name}`), m.environment.name).toEqual(expected);
    }
  });

  it("declares Online Boutique's call graph, and every call resolves to a service of the same environment", () => {
    for (const m of resolution.models) {
      const present = new Set(m.services.map((s) => `${s.tenant}/${s.name}`));
      const edges = m.services.flatMap((s) =>
        s.calls.map((call) => {
          expect(present.has(`${call.tenant}/${call.service}`), `${s.name} → ${call.tenant}/${call.service} in ${m.environment.name}`).toBe(
            true,
          );
          expect(call.tenant).toBe(s.tenant);
          return `${s.name} → ${call.service}`;
        }),
      );
      expect(edges.sort()).toEqual([...CALL_GRAPH].sort());
    }
  });

  it("runs redis-cart as a single stateful replica with storage", () => {
    for (const m of resolution.models) {
      const redis = m.services.find((s) => s.name === "redis-cart")!;
      expect(redis.workload).toBe("stateful");
      expect(redis.storage).toMatchObject({ size: "1Gi", mountPath: "/data" });
      expect(redis.scaling).toEqual({ kind: "fixed", replicas: 1 });
    }
    // The only stateful service.
    const stateful = resolution.models.flatMap((m) => m.services.filter((s) => s.workload === "stateful").map((s) => s.name));
    expect(new Set(stateful)).toEqual(new Set(["redis-cart"]));
  });

  it("pins every boutique image: a version tag (never latest) or a digest", () => {
    const boutique = definition.services.filter((s) => s.spec.tenant === "boutique");
    expect(boutique).toHaveLength(12);
    for (const { spec, file } of boutique) {
      expect(spec.image.tag ?? spec.image.digest, file).toBeDefined();
      expect(spec.image.tag, file).not.toBe("latest");
      if (spec.image.tag !== undefined) expect(spec.image.tag, file).toMatch(/^v?[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$/);
    }
    for (const m of resolution.models) {
      for (const s of m.services.filter((service) => service.tenant === "boutique")) {
        expect(s.image, `${s.name} in ${m.environment.name}`).toMatch(/^[^:@]+(:[0-9A-Za-z_][0-9A-Za-z_.-]*)?(@sha256:[0-9a-f]{64})?$/);
        expect(s.image).not.toMatch(/:latest(@|$)/);
        expect(s.image).toMatch(/[:@]/);
      }
    }
  });
});

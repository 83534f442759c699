import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { synthesize } from "../src/index.ts";
import { ENVIRONMENTS, filesUnder, fixturePlatform, manifestAt } from "./fixtures.ts";

/**
 * Golden files: the rendered checkout service in every environment and the stateful cache in prod, byte for byte,
 * under test/golden/<env>/<tenant>/<service>/. After an intended change, regenerate with `npx vitest run -u` and
 * review the diff of test/golden like any other change.
 */
const synthesis = synthesize(fixturePlatform());
const GOLDEN = fileURLToPath(new URL("./golden/", import.meta.url));

const FOLDERS = [...ENVIRONMENTS.map((e) => `${e}/shop/checkout/`), "prod-us-west-2/shop/cache/"];

describe("golden files", () => {
  it("render without errors", () => {
    expect(synthesis.specErrors).toEqual([]);
    expect(synthesis.renderProblems).toEqual([]);
  });

  for (const folder of FOLDERS) {
    describe(folder, () => {
      const files = filesUnder(synthesis.files, folder);

      it("has rendered files", () => {
        expect(files.length).toBeGreaterThan(0);
      });

      for (const file of files) {
        it(`matches golden/${file.path}`, async () => {
          await expect(file.content).toMatchFileSnapshot(`./golden/${file.path}`);
        });
      }

      // A missing golden file fails its snapshot above (in CI; locally it is written); a stale one is caught here and
      // must be deleted by hand.
      it("has no golden file that is no longer rendered", () => {
        const dir = `${GOLDEN}${folder}`;
        const rendered = new Set(files.map((f) => f.path.slice(folder.length)));
        const golden = existsSync(dir) ? readdirSync(dir).sort() : [];
        expect(golden.filter((name) => !rendered.has(name))).toEqual([]);
      });
    });
  }
});

describe("what the golden files say", () => {
  const files = synthesis.files;
  const hpa = (env: string) => `${env}/shop/checkout/horizontalpodautoscaler-checkout.yaml`;
  const deployment = (env: string) => `${env}/shop/checkout/deployment-checkout.yaml`;

  it("dev: checkout is a fixed Deployment of 1 replica and has no HPA", () => {
    expect(manifestAt(files, deployment("dev")).spec!.replicas).toBe(1);
    expect(files.some((f) => f.path === hpa("dev"))).toBe(false);
    expect(filesUnder(files, "dev/").some((f) => f.path.includes("horizontalpodautoscaler"))).toBe(false);
  });

  it("staging: the HPA's maxReplicas is capped at 5 and the Deployment leaves replicas to it", () => {
    const spec = manifestAt(files, hpa("staging")).spec!;
    expect([spec.minReplicas, spec.maxReplicas]).toEqual([3, 5]);
    expect(manifestAt(files, deployment("staging")).spec).not.toHaveProperty("replicas");
  });

  it("prod primary: the HPA spans the service's full range on CPU and memory", () => {
    const spec = manifestAt(files, hpa("prod-us-west-2")).spec!;
    expect([spec.minReplicas, spec.maxReplicas]).toEqual([3, 30]);
    expect(spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "checkout" });
    expect(spec.metrics.map((m: { resource: { name: string; target: { averageUtilization: number } } }) => [m.resource.name, m.resource.target.averageUtilization])).toEqual([
      ["cpu", 60],
      ["memory", 80],
    ]);
    expect(manifestAt(files, hpa("prod-us-west-2")).apiVersion).toBe("autoscaling/v2");
    expect(manifestAt(files, deployment("prod-us-west-2")).spec).not.toHaveProperty("replicas");
  });

  it("prod DR: the environment's override lowers minReplicas to 2, maxReplicas unchanged", () => {
    const spec = manifestAt(files, hpa("prod-us-east-1")).spec!;
    expect([spec.minReplicas, spec.maxReplicas]).toEqual([2, 30]);
    expect(manifestAt(files, deployment("prod-us-east-1")).spec).not.toHaveProperty("replicas");
  });

  it("checkout's Service exposes the Istio-named gRPC port in every environment", () => {
    for (const env of ENVIRONMENTS) {
      expect(manifestAt(files, `${env}/shop/checkout/service-checkout.yaml`).spec!.ports).toEqual([
        { appProtocol: "grpc", name: "grpc", port: 9090, protocol: "TCP", targetPort: 9090 },
      ]);
    }
  });

  it("checkout's Deployment selects a subset of its template's labels and quotes string env values", () => {
    for (const env of ENVIRONMENTS) {
      const spec = manifestAt(files, deployment(env)).spec!;
      expect(spec.template.metadata.labels).toMatchObject(spec.selector.matchLabels);
      expect(spec.selector.matchLabels).toEqual({ "app.kubernetes.io/name": "checkout", version: "v1" });
    }
    const text = files.find((f) => f.path === deployment("dev"))!.content;
    expect(text).toContain('value: "9090"');
    expect(text).toContain('value: "true"');
  });

  it("prod cache: a StatefulSet of 3 with a 5Gi gp3 claim per replica, a headless Service, no HPA", () => {
    const set = manifestAt(files, "prod-us-west-2/shop/cache/statefulset-cache.yaml").spec!;
    expect(set.replicas).toBe(3);
    expect(set.serviceName).toBe("cache-headless");
    expect(set.volumeClaimTemplates).toHaveLength(1);
    expect(set.volumeClaimTemplates[0].spec).toMatchObject({ storageClassName: "gp3", resources: { requests: { storage: "5Gi" } } });
    expect(set.template.metadata.labels).toMatchObject(set.selector.matchLabels);
    const headless = manifestAt(files, "prod-us-west-2/shop/cache/service-cache-headless.yaml").spec!;
    expect(headless.clusterIP).toBe("None");
    expect(headless.ports.map((p: { name: string }) => p.name)).toEqual(["tcp-redis"]);
    expect(filesUnder(files, "prod-us-west-2/shop/cache/").some((f) => f.path.includes("horizontalpodautoscaler"))).toBe(false);
    expect(filesUnder(files, "prod-us-west-2/shop/cache/").some((f) => f.path.includes("deployment"))).toBe(false);
  });
});

import { Container } from "kubernetes-models/v1/Container";
import { describe, expect, it } from "vitest";
import { buildContainer, buildPodTemplate, buildProbe, validationMessages, writableVolumes } from "../src/index.ts";
import { cacheSpec, checkoutSpec, resolved, webSpec, workerSpec } from "./fixtures.ts";

describe("buildContainer", () => {
  const checkout = resolved(checkoutSpec());
  const container = buildContainer(checkout);

  it("runs the resolved image under the container name", () => {
    expect(container.name).toBe("server");
    expect(container.image).toBe("registry.example.com/shop/checkout:v1.4.0");
    expect(container.imagePullPolicy).toBe("IfNotPresent");
    expect(buildContainer(resolved(cacheSpec())).name).toBe("redis");
  });

  it("pins a digest image by digest", () => {
    expect(buildContainer(resolved(workerSpec())).image).toBe(`registry.example.com/shop/mailer@sha256:${"ab".repeat(32)}`);
  });

  it("sets the service's requests and limits", () => {
    expect(container.resources).toEqual({
      requests: { cpu: "100m", memory: "128Mi" },
      limits: { cpu: "500m", memory: "512Mi" },
    });
  });

  it("falls back to the stage's resources when the service sets none", () => {
    expect(buildContainer(resolved(webSpec(), "dev")).resources).toEqual({
      requests: { cpu: "50m", memory: "64Mi" },
      limits: { cpu: "200m", memory: "256Mi" },
    });
    expect(buildContainer(resolved(webSpec(), "prod-us-west-2")).resources).toEqual({
      requests: { cpu: "250m", memory: "256Mi" },
      limits: { cpu: "1", memory: "1Gi" },
    });
  });

  it("declares each port by its spec name on its container (target) port", () => {
    expect(container.ports).toEqual([{ name: "grpc", containerPort: 9090, protocol: "TCP" }]);
    expect(buildContainer(resolved(webSpec())).ports).toEqual([{ name: "http", containerPort: 8080, protocol: "TCP" }]);
  });

  it("leaves ports, env and probes out of a worker that has none", () => {
    const worker = buildContainer(resolved(workerSpec()));
    expect(worker).not.toHaveProperty("ports");
    expect(worker).not.toHaveProperty("env");
    expect(worker).not.toHaveProperty("readinessProbe");
    expect(worker).not.toHaveProperty("livenessProbe");
    expect(worker).not.toHaveProperty("startupProbe");
    expect(worker).not.toHaveProperty("volumeMounts");
  });

  it("maps each env source to value or valueFrom, in the order given", () => {
    expect(container.env).toEqual([
      { name: "PORT", value: "9090" },
      { name: "FEATURE_FLAGS", value: "true" },
      { name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "checkout-db", key: "password" } } },
      { name: "CURRENCY", valueFrom: { configMapKeyRef: { name: "shop-config", key: "currency" } } },
      { name: "POD_IP", valueFrom: { fieldRef: { fieldPath: "status.podIP" } } },
    ]);
  });

  it("keeps an empty literal value a value (not a field reference)", () => {
    const built = buildContainer(resolved(checkoutSpec({ env: [{ name: "EMPTY", value: "" }] })));
    expect(built.env).toEqual([{ name: "EMPTY", value: "" }]);
  });

  it("sets readiness and liveness probes from the spec, and a startup probe only when declared", () => {
    expect(container.readinessProbe).toEqual(buildProbe(checkout.probes!.readiness));
    expect(container.livenessProbe).toMatchObject({ grpc: { port: 9090, service: "checkout.v1.Checkout" }, periodSeconds: 20 });
    expect(container).not.toHaveProperty("startupProbe");
    const web = buildContainer(resolved(webSpec()));
    expect(web.readinessProbe?.httpGet).toEqual({ path: "/ready", port: "http", httpHeaders: [{ name: "X-Probe", value: "kubelet" }] });
    expect(web.livenessProbe?.tcpSocket).toEqual({ port: "http" });
    expect(web.startupProbe).toMatchObject({ httpGet: { path: "/started", port: 8080 }, failureThreshold: 30 });
  });

  it("mounts a stateful service's volume at its mount path", () => {
    expect(buildContainer(resolved(cacheSpec())).volumeMounts).toEqual([{ name: "data", mountPath: "/data" }]);
  });

  it("mounts an emptyDir at each writable path, after the data volume", () => {
    const spec = cacheSpec({ security: { writablePaths: ["/tmp", "/var/cache/redis"] } });
    const service = resolved(spec);
    expect(buildContainer(service).volumeMounts).toEqual([
      { name: "data", mountPath: "/data" },
      { name: "writable-tmp", mountPath: "/tmp" },
      { name: "writable-var-cache-redis", mountPath: "/var/cache/redis" },
    ]);
    expect(buildPodTemplate(service).spec!.volumes).toEqual([
      { name: "writable-tmp", emptyDir: {} },
      { name: "writable-var-cache-redis", emptyDir: {} },
    ]);
  });

  it("names every writable volume uniquely, even when paths slug alike", () => {
    for (const paths of [
      ["/2", "/x", "/x/"],
      ["/var/cache", "/var-cache", "/var_cache", "/2"],
      ["/", "/root", "/data", "/1", "/2", "/DATA"],
    ]) {
      const service = resolved(workerSpec({ security: { writablePaths: paths } }));
      const names = writableVolumes(service).map((v) => v.name);
      expect(new Set([...names, "data"]).size, paths.join(" ")).toBe(names.length + 1);
      for (const name of names) expect(name).toMatch(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/);
      const mounts = buildContainer(service).volumeMounts!;
      expect(mounts.map((m) => m.mountPath)).toEqual(paths);
    }
  });

  it("builds containers that pass the Container model's validation", () => {
    for (const spec of [checkoutSpec(), webSpec(), cacheSpec(), workerSpec()]) {
      for (const environment of ["dev", "staging", "prod-us-west-2", "prod-us-east-1"]) {
        expect(validationMessages(new Container(buildContainer(resolved(spec, environment)))), `${spec.name} in ${environment}`).toEqual([]);
      }
    }
  });
});

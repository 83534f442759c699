import type { ServiceDeliverySpec, ServiceSpec } from "@cloudlab/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serviceObjects } from "../src/index.ts";
import { modelOf, resolved, webSpec } from "./fixtures.ts";

/*
 * Switching a service's delivery strategy (manual weights, Argo Rollouts canary, blue-green) changes how a release
 * reaches users, never what callers and the platform see of the service: its Service's selector and ports, its HPA's
 * bounds and metrics, its PDB, its mutual TLS (the DestinationRule's traffic policy) and who may call it.
 */

type Json = { apiVersion: string; kind: string; metadata: { name: string }; spec?: any };

const DELIVERIES: readonly ServiceDeliverySpec[] = [
  {},
  { strategy: "weights" },
  { strategy: "canary" },
  { strategy: "canary", steps: [20, 100], pause: "30s", analysis: "none" },
  { strategy: "blue-green" },
  { strategy: "blue-green", autoPromote: true, analysis: "none" },
];

const port = fc.record({
  name: fc.constantFrom("http", "web", "api"),
  port: fc.integer({ min: 1024, max: 9000 }),
  protocol: fc.constantFrom("http" as const, "http2" as const, "grpc" as const),
});

/** A stateless HTTP-ish service of the `storefront` tenant: one port, fixed or autoscaled, maybe with ingress. */
const service = fc
  .record({
    port,
    scaling: fc.oneof(
      fc.integer({ min: 1, max: 5 }).map((replicas) => ({ replicas })),
      fc.integer({ min: 1, max: 5 }).chain((min) =>
        fc.integer({ min: 10 * min, max: 10 * min + 20 }).map((max) => ({ autoscaling: { minReplicas: min, maxReplicas: max } })),
      ),
    ),
  })
  .map(({ port: p, scaling }): ServiceSpec => {
    const { replicas: _replicas, ...base } = webSpec();
    return {
      ...base,
      ports: [{ name: p.name, port: p.port, protocol: p.protocol }],
      probes: { readiness: { tcp: { port: p.port } }, liveness: { tcp: { port: p.port } } },
      ...scaling,
    };
  });

const ENVIRONMENTS = ["staging", "prod-us-west-2", "prod-us-east-1"] as const;

/** What must not change, read from the rendered objects of the service in an environment. */
function invariants(spec: ServiceSpec, environmentName: string) {
  const environment = modelOf(environmentName).environment;
  const objects = serviceObjects({ service: resolved(spec, environmentName), environment }).map((o) => o.toJSON() as Json);
  const one = (kind: string, name = spec.name) => objects.find((o) => o.kind === kind && o.metadata.name === name);
  const hpa = one("HorizontalPodAutoscaler")?.spec;
  return {
    service: one("Service")?.spec,
    hpa: hpa === undefined ? undefined : { minReplicas: hpa.minReplicas, maxReplicas: hpa.maxReplicas, metrics: hpa.metrics, behavior: hpa.behavior, name: hpa.scaleTargetRef.name },
    pdb: one("PodDisruptionBudget")?.spec,
    mtls: one("DestinationRule")?.spec.trafficPolicy,
    host: one("DestinationRule")?.spec.host,
    authorization: one("AuthorizationPolicy")?.spec,
    networkPolicy: one("NetworkPolicy")?.spec,
    workloads: objects.filter((o) => ["Deployment", "Rollout", "StatefulSet"].includes(o.kind)).length,
  };
}

describe("switching delivery strategy", () => {
  it("keeps the Service's selector and ports, the HPA's bounds, the PDB, mutual TLS and who may call", () => {
    fc.assert(
      fc.property(service, fc.constantFrom(...DELIVERIES), fc.constantFrom(...DELIVERIES), fc.constantFrom(...ENVIRONMENTS), (spec, from, to, environment) => {
        const before = invariants({ ...spec, delivery: from }, environment);
        const after = invariants({ ...spec, delivery: to }, environment);
        expect(after).toEqual(before);
        expect(after.mtls.tls).toEqual({ mode: "ISTIO_MUTUAL" });
        expect(after.workloads).toBe(1);
      }),
      { numRuns: 40 },
    );
  });
});

import type { EgressProtocol, EgressSpec, PlatformDefinition } from "@cloudlab/model";
import { validateGroups } from "@cloudlab/validate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { synthesize } from "../src/index.ts";
import { manifestAt, sourcedEnvironment, sourcedService, sourcedTenant } from "./fixtures.ts";

/*
 * For any list of external hosts a service may declare (repeats included), synth either refuses it with the spec
 * check's message for each repeat, or renders exactly the declared hosts and ports, and the gate's ServiceEntry and
 * Sidecar rules (istiod's webhook checks and istioctl's analyses) accept what it renders.
 */

const ENVIRONMENT = "prod-us-west-2";
const PROTOCOLS: readonly EgressProtocol[] = ["tls", "https", "http", "http2", "grpc", "tcp"];
const SIDECAR_PORTS = new Set([15000, 15001, 15004, 15006, 15008, 15009, 15020, 15021, 15053, 15090]);

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const host = fc.oneof(
  fc.constantFrom("api.payments.example", "smtp.mail.example", "hooks.slack.example"),
  fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom("com", "io", "example")).map(([labels, tld]) => [...labels, tld].join(".")),
);
const port = fc.oneof(fc.constantFrom(443, 80, 587, 8443), fc.integer({ min: 1, max: 65535 }).filter((p) => !SIDECAR_PORTS.has(p)));
const entry: fc.Arbitrary<EgressSpec> = fc.record({ host, port: fc.option(port, { nil: undefined }), protocol: fc.option(fc.constantFrom(...PROTOCOLS), { nil: undefined }) }, { requiredKeys: ["host"] });

function platform(egress: readonly EgressSpec[]): PlatformDefinition {
  return {
    tenants: [sourcedTenant({ name: "shop", team: "shop" })],
    services: [
      sourcedService({
        name: "payment",
        team: "shop",
        tenant: "shop",
        image: { repository: "registry.example.com/shop/payment", tag: "v1.0.0" },
        ports: [{ name: "grpc", port: 50051, protocol: "grpc" }],
        resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
        probes: { readiness: { grpc: { port: 50051 } }, liveness: { grpc: { port: 50051 } } },
        replicas: 3,
        egress,
      }),
    ],
    environments: [sourcedEnvironment({ name: ENVIRONMENT, stage: "prod", cluster: { name: ENVIRONMENT, provider: "eks", region: "us-west-2" } })],
  };
}

/** The first index of each repeated `host:port`, by the index of each repeat. */
function repeats(egress: readonly EgressSpec[]): Map<number, number> {
  const first = new Map<string, number>();
  const out = new Map<number, number>();
  egress.forEach((e, i) => {
    const key = `${e.host}:${e.port ?? 443}`;
    if (first.has(key)) out.set(i, first.get(key)!);
    else first.set(key, i);
  });
  return out;
}

describe("declared egress, any list", () => {
  it("is refused for exactly its repeats, or rendered as declared and accepted by the gate", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (egress) => {
        const synthesis = synthesize(platform(egress));
        const repeated = repeats(egress);
        if (repeated.size > 0) {
          expect(synthesis.specErrors.map((e) => `${e.path}: ${e.message}`)).toEqual(
            [...repeated].map(([i, first]) => `egress[${i}]: ${egress[i]!.host}:${egress[i]!.port ?? 443} is already declared by egress[${first}]`),
          );
          return;
        }
        expect(synthesis.specErrors).toEqual([]);
        expect(synthesis.renderProblems).toEqual([]);
        const folder = `${ENVIRONMENT}/shop/payment/`;
        const entries = synthesis.files.filter((f) => f.path.startsWith(`${folder}serviceentry-`));
        const hosts = [...new Set(egress.map((e) => e.host))];
        expect(entries.map((f) => f.path).sort()).toEqual(hosts.map((h) => `${folder}serviceentry-payment-egress-${h}.yaml`).sort());
        expect(manifestAt(synthesis.files, `${folder}sidecar-payment.yaml`).spec!.egress[0].hosts).toEqual(["istio-system/*", ...hosts.map((h) => `shop/${h}`)]);
        const ports = [...new Set(egress.map((e) => e.port ?? 443))].sort((a, b) => a - b);
        const rules = manifestAt(synthesis.files, `${folder}networkpolicy-payment.yaml`).spec!.egress;
        expect(rules.flatMap((r: { ports: { port: number }[] }) => r.ports.map((p) => p.port))).toEqual(ports);
        const sources = synthesis.files.filter((f) => f.path.startsWith(`${ENVIRONMENT}/`) && !f.path.endsWith("kustomization.yaml"));
        const report = validateGroups([{ environment: ENVIRONMENT, versions: { kubernetes: "1.28", istio: "1.20" }, sources: sources.map((f) => ({ file: f.path, content: f.content })) }]);
        const concerned = report.findings.filter((f) => f.severity === "error" || /^(service-entry|sidecar)-/.test(f.ruleId) || f.file.includes("/serviceentry-"));
        expect(concerned.map((f) => `${f.severity} ${f.ruleId} ${f.file}: ${f.path}: ${f.message}`)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  }, 300_000);
});

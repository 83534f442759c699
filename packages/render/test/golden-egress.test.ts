import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PlatformDefinition, ServiceSpec } from "@cloudlab/model";
import { validateGroups } from "@cloudlab/validate";
import { describe, expect, it } from "vitest";
import { synthesize } from "../src/index.ts";
import { manifestAt, sourcedEnvironment, sourcedService, sourcedTenant } from "./fixtures.ts";

/**
 * Golden files of controlled egress: a payment service calling a payment provider's API (TLS on 443 and HTTPS on
 * 8443 of one host) and an email service calling a mail relay (TCP 587), rendered into prod. Each external host is a
 * ServiceEntry in the caller's folder, a host of its Sidecar and a port of its NetworkPolicy; nothing else changes.
 * After an intended change, regenerate with `npx vitest run -u` and review the diff of test/golden-egress.
 */

const IMAGE = "us-central1-docker.pkg.dev/google-samples/microservices-demo";
const PROVIDER = "api.payments.example";
const RELAY = "smtp.mail.example";

function service(name: string, port: number, changes: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name,
    team: "boutique",
    tenant: "boutique",
    image: { repository: `${IMAGE}/${name}`, tag: "v0.10.6" },
    ports: [{ name: "grpc", port, protocol: "grpc" }],
    resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
    probes: { readiness: { grpc: { port } }, liveness: { grpc: { port } } },
    replicas: 3,
    ...changes,
  };
}

const PLATFORM: PlatformDefinition = {
  tenants: [sourcedTenant({ name: "boutique", team: "boutique" })],
  services: [
    service("checkoutservice", 5050, { calls: ["paymentservice", "emailservice"] }),
    service("paymentservice", 50051, { egress: [{ host: PROVIDER }, { host: PROVIDER, port: 8443, protocol: "https" }] }),
    service("emailservice", 8080, { egress: [{ host: RELAY, port: 587, protocol: "tcp" }] }),
  ].map((spec) => sourcedService(spec)),
  environments: [sourcedEnvironment({ name: "prod-us-west-2", stage: "prod", cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2" } })],
};

const ENVIRONMENT = "prod-us-west-2";
const GOLDEN = fileURLToPath(new URL("./golden-egress/", import.meta.url));
/** The files an external host touches: its ServiceEntry, and the caller's Sidecar and NetworkPolicy. */
const EGRESS_FILES = /^boutique\/(paymentservice|emailservice)\/(serviceentry|sidecar|networkpolicy)-/;

const synthesis = synthesize(PLATFORM);
const egressFiles = synthesis.files.filter((f) => f.path.startsWith(`${ENVIRONMENT}/`) && EGRESS_FILES.test(f.path.slice(ENVIRONMENT.length + 1)));
const at = (path: string) => manifestAt(synthesis.files, `${ENVIRONMENT}/${path}`);

describe("golden files of controlled egress", () => {
  it("render without errors", () => {
    expect(synthesis.specErrors).toEqual([]);
    expect(synthesis.renderProblems).toEqual([]);
  });

  it("are one ServiceEntry per external host, in the caller's folder, next to its Sidecar and NetworkPolicy", () => {
    expect(egressFiles.map((f) => f.path.slice(ENVIRONMENT.length + 1))).toEqual([
      "boutique/emailservice/networkpolicy-emailservice.yaml",
      "boutique/emailservice/serviceentry-emailservice-egress-smtp.mail.example.yaml",
      "boutique/emailservice/sidecar-emailservice.yaml",
      "boutique/paymentservice/networkpolicy-paymentservice.yaml",
      "boutique/paymentservice/serviceentry-paymentservice-egress-api.payments.example.yaml",
      "boutique/paymentservice/sidecar-paymentservice.yaml",
    ]);
    expect(synthesis.files.filter((f) => f.path.includes("/serviceentry-")).map((f) => f.path.split("/")[2])).toEqual(["emailservice", "paymentservice"]);
  });

  for (const file of egressFiles) {
    it(`matches golden-egress/${file.path}`, async () => {
      await expect(file.content).toMatchFileSnapshot(`./golden-egress/${file.path}`);
    });
  }

  it("has no golden file that is no longer rendered", () => {
    const rendered = new Set(egressFiles.map((f) => f.path));
    const golden = (dir: string, prefix: string): string[] =>
      existsSync(dir)
        ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
            entry.isDirectory() ? golden(`${dir}${entry.name}/`, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
          )
        : [];
    expect(golden(GOLDEN, "").filter((path) => !rendered.has(path))).toEqual([]);
  });
});

describe("what the egress golden files say", () => {
  it("declares the provider outside the mesh, resolved by DNS, visible in the tenant's namespace only, both ports", () => {
    const entry = at(`boutique/paymentservice/serviceentry-paymentservice-egress-${PROVIDER}.yaml`);
    expect(entry.metadata!.namespace).toBe("boutique");
    expect(entry.spec).toEqual({
      hosts: [PROVIDER],
      location: "MESH_EXTERNAL",
      resolution: "DNS",
      exportTo: ["."],
      ports: [
        { number: 443, name: "tls-443", protocol: "TLS" },
        { number: 8443, name: "https-8443", protocol: "HTTPS" },
      ],
    });
  });

  it("adds the host to the caller's Sidecar only, in its own namespace", () => {
    const hosts = (name: string) => at(`boutique/${name}/sidecar-${name}.yaml`).spec!.egress[0].hosts;
    expect(hosts("paymentservice")).toEqual(["istio-system/*", `boutique/${PROVIDER}`]);
    expect(hosts("emailservice")).toEqual(["istio-system/*", `boutique/${RELAY}`]);
    expect(hosts("checkoutservice")).toEqual([
      "istio-system/*",
      "boutique/emailservice.boutique.svc.cluster.local",
      "boutique/paymentservice.boutique.svc.cluster.local",
    ]);
  });

  it("opens the internet (not the private or link-local ranges) on the declared ports only, for the caller only", () => {
    const world = { ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16"] } };
    expect(at("boutique/paymentservice/networkpolicy-paymentservice.yaml").spec!.egress).toEqual([
      { to: [world], ports: [{ protocol: "TCP", port: 443 }, { protocol: "TCP", port: 8443 }] },
    ]);
    expect(at("boutique/emailservice/networkpolicy-emailservice.yaml").spec!.egress).toEqual([{ to: [world], ports: [{ protocol: "TCP", port: 587 }] }]);
    expect(JSON.stringify(at("boutique/checkoutservice/networkpolicy-checkoutservice.yaml").spec!.egress)).not.toContain("ipBlock");
  });

  it("passes the gate: istiod's ServiceEntry and Sidecar checks and the cross-resource analyses find nothing to reject", () => {
    const sources = synthesis.files.filter((f) => f.path.startsWith(`${ENVIRONMENT}/`) && !f.path.endsWith("kustomization.yaml"));
    const report = validateGroups([{ environment: ENVIRONMENT, versions: { kubernetes: "1.28", istio: "1.20" }, sources: sources.map((f) => ({ file: f.path, content: f.content })) }]);
    const egress = report.findings.filter((f) => /\/(serviceentry|sidecar|networkpolicy)-/.test(f.file));
    expect(egress.map((f) => `${f.severity} ${f.ruleId} ${f.file}: ${f.message}`)).toEqual([]);
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

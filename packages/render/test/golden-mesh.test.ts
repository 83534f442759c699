import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PlatformDefinition, ServiceSpec } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { synthesize } from "../src/index.ts";
import { fileAt, manifestAt, sourcedEnvironment, sourcedService, sourcedTenant } from "./fixtures.ts";

/**
 * Golden files of the Online Boutique mesh: the Istio and Gateway API objects of prod-us-west-2, byte for byte, under
 * test/golden-mesh/. The platform is modelled on the boutique sample (never imported from apps/platform): an edge
 * frontend, a critical checkout that only the frontend may ask to place orders, a critical payment that only checkout
 * may charge, a cart backed by a stateful Redis. After an intended change, regenerate with `npx vitest run -u` and
 * review the diff of test/golden-mesh like any other change.
 */

const IMAGE = "us-central1-docker.pkg.dev/google-samples/microservices-demo";

function boutiqueService(name: string, port: number, changes: Partial<ServiceSpec> = {}): ServiceSpec {
  return {
    name,
    team: "boutique",
    tenant: "boutique",
    image: { repository: `${IMAGE}/${name}`, tag: "v0.10.6" },
    ports: [{ name: "grpc", port, protocol: "grpc" }],
    resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
    probes: { readiness: { grpc: { port } }, liveness: { grpc: { port } } },
    autoscaling: { minReplicas: 3, maxReplicas: 30 },
    ...changes,
  };
}

const BOUTIQUE: PlatformDefinition = {
  tenants: [
    sourcedTenant({
      name: "boutique",
      team: "boutique",
      description: "Online Boutique, the microservices demo shop.",
      quota: { requestsCpu: "96", requestsMemory: "128Gi", limitsCpu: "180", limitsMemory: "256Gi" },
    }),
  ],
  services: [
    boutiqueService("frontend", 80, {
      ports: [{ name: "http", port: 80, targetPort: 8080, protocol: "http" }],
      probes: {
        readiness: { http: { path: "/_healthz", port: 8080, headers: { Cookie: "shop_session-id=x-readiness-probe" } }, initialDelaySeconds: 10 },
        liveness: { http: { path: "/_healthz", port: 8080, headers: { Cookie: "shop_session-id=x-liveness-probe" } }, initialDelaySeconds: 10 },
      },
      autoscaling: { minReplicas: 10, maxReplicas: 100 },
      ingress: { hosts: ["shop.cloud-lab.example"] },
      calls: ["productcatalogservice", "cartservice", "checkoutservice"],
    }),
    boutiqueService("productcatalogservice", 3550),
    boutiqueService("cartservice", 7070, { calls: ["redis-cart"], terminationGracePeriodSeconds: 5 }),
    boutiqueService("redis-cart", 6379, {
      image: { repository: "redis", tag: "7.2.4-alpine" },
      containerName: "redis",
      ports: [{ name: "redis", port: 6379, protocol: "tcp" }],
      probes: { readiness: { tcp: { port: "redis" }, periodSeconds: 5 }, liveness: { tcp: { port: "redis" }, periodSeconds: 5 } },
      autoscaling: undefined,
      replicas: 1,
      workload: "stateful",
      storage: { size: "1Gi", mountPath: "/data" },
    }),
    boutiqueService("checkoutservice", 5050, {
      autoscaling: { minReplicas: 5, maxReplicas: 50 },
      critical: true,
      accepts: [{ from: ["frontend"], paths: ["/hipstershop.CheckoutService/PlaceOrder"], methods: ["POST"] }],
      calls: ["productcatalogservice", "cartservice", "paymentservice"],
    }),
    boutiqueService("paymentservice", 50051, {
      critical: true,
      accepts: [{ from: ["checkoutservice"], paths: ["/hipstershop.PaymentService/Charge"], methods: ["POST"] }],
      terminationGracePeriodSeconds: 5,
    }),
  ].map((spec) => sourcedService(spec)),
  environments: [
    sourcedEnvironment({ name: "dev", stage: "dev", cluster: { name: "dev", provider: "eks", region: "us-west-2" } }),
    sourcedEnvironment({ name: "prod-us-west-2", stage: "prod", cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2" } }),
  ],
};

/** The kinds of the mesh and its ingress, by file name. */
const MESH_FILES = /^(authorizationpolicy|destinationrule|virtualservice|sidecar|peerauthentication|telemetry|gateway|httproute)-/;
const ENVIRONMENT = "prod-us-west-2";
const GOLDEN = fileURLToPath(new URL("./golden-mesh/", import.meta.url));

const synthesis = synthesize(BOUTIQUE);
const meshFiles = synthesis.files.filter((f) => f.path.startsWith(`${ENVIRONMENT}/`) && MESH_FILES.test(f.path.slice(f.path.lastIndexOf("/") + 1)));
const at = (path: string) => manifestAt(synthesis.files, `${ENVIRONMENT}/${path}`);

describe("golden files of the boutique mesh", () => {
  it("render without errors", () => {
    expect(synthesis.specErrors).toEqual([]);
    expect(synthesis.renderProblems).toEqual([]);
  });

  it("are the mesh objects of every service, of the tenant and of the cluster", () => {
    const paths = meshFiles.map((f) => f.path.slice(ENVIRONMENT.length + 1));
    const service = (name: string, ...kinds: string[]) => kinds.map((kind) => `boutique/${name}/${kind}-${name}.yaml`);
    const expected = [
      "_cluster/gateway-platform-gateway.yaml",
      "_cluster/httproute-https-redirect.yaml",
      "_cluster/peerauthentication-default.yaml",
      "boutique/_tenant/authorizationpolicy-deny-all.yaml",
      "boutique/_tenant/peerauthentication-default.yaml",
      "boutique/_tenant/telemetry-tracing.yaml",
      ...service("cartservice", "authorizationpolicy", "destinationrule", "sidecar", "virtualservice"),
      ...service("checkoutservice", "authorizationpolicy", "destinationrule", "sidecar"),
      "boutique/checkoutservice/telemetry-checkoutservice-tracing.yaml",
      ...service("checkoutservice", "virtualservice"),
      // Nothing calls the frontend but the gateway; nothing in the mesh routes to it by name but its HTTPRoute.
      ...service("frontend", "authorizationpolicy", "destinationrule", "httproute", "sidecar", "virtualservice"),
      ...service("paymentservice", "authorizationpolicy", "destinationrule", "sidecar"),
      "boutique/paymentservice/telemetry-paymentservice-tracing.yaml",
      ...service("paymentservice", "virtualservice"),
      ...service("productcatalogservice", "authorizationpolicy", "destinationrule", "sidecar", "virtualservice"),
      // A TCP-only service: no VirtualService.
      ...service("redis-cart", "authorizationpolicy", "destinationrule", "sidecar"),
    ];
    expect(paths.filter((p) => !p.startsWith("_cluster/") || expected.includes(p))).toEqual(expected);
  });

  for (const file of meshFiles) {
    it(`matches golden-mesh/${file.path}`, async () => {
      await expect(file.content).toMatchFileSnapshot(`./golden-mesh/${file.path}`);
    });
  }

  // A missing golden file fails its snapshot above (in CI; locally it is written); a stale one is caught here.
  it("has no golden file that is no longer rendered", () => {
    const rendered = new Set(meshFiles.map((f) => f.path));
    const golden = (dir: string, prefix: string): string[] =>
      existsSync(dir)
        ? readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
            entry.isDirectory() ? golden(`${dir}${entry.name}/`, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
          )
        : [];
    expect(golden(GOLDEN, "").filter((path) => !rendered.has(path))).toEqual([]);
  });
});

describe("what the boutique mesh golden files say", () => {
  const principal = (account: string, namespace = "boutique") => `cluster.local/ns/${namespace}/sa/${account}`;

  it("mesh-wide mutual TLS is exactly the source document's PeerAuthentication, and every namespace repeats STRICT", () => {
    // Argo CD's sync annotations (delivery order) aside, the object is the source document's.
    const { annotations, ...metadata } = at("_cluster/peerauthentication-default.yaml").metadata as { annotations?: Record<string, string> };
    expect(Object.keys(annotations ?? {}).every((key) => key.startsWith("argocd.argoproj.io/"))).toBe(true);
    expect({ ...at("_cluster/peerauthentication-default.yaml"), metadata }).toEqual({
      apiVersion: "security.istio.io/v1beta1",
      kind: "PeerAuthentication",
      metadata: { name: "default", namespace: "istio-system" },
      spec: { mtls: { mode: "STRICT" } },
    });
    expect(at("boutique/_tenant/peerauthentication-default.yaml").spec).toEqual({ mtls: { mode: "STRICT" } });
    for (const file of meshFiles) expect(file.content, file.path).not.toMatch(/PERMISSIVE|DISABLE/);
  });

  it("denies by default, then lets each service be called by exactly its declared callers", () => {
    expect(at("boutique/_tenant/authorizationpolicy-deny-all.yaml").spec).toEqual({});
    const rules = (name: string) => at(`boutique/${name}/authorizationpolicy-${name}.yaml`).spec!.rules;
    // Only checkout may charge a card, and only with Charge.
    expect(rules("paymentservice")).toEqual([
      { from: [{ source: { principals: [principal("checkoutservice")] } }], to: [{ operation: { methods: ["POST"], paths: ["/hipstershop.PaymentService/Charge"] } }] },
    ]);
    // Only the frontend may place orders.
    expect(rules("checkoutservice")).toEqual([
      { from: [{ source: { principals: [principal("frontend")] } }], to: [{ operation: { methods: ["POST"], paths: ["/hipstershop.CheckoutService/PlaceOrder"] } }] },
    ]);
    expect(rules("productcatalogservice")).toEqual([{ from: [{ source: { principals: [principal("checkoutservice"), principal("frontend")] } }] }]);
    expect(rules("cartservice")).toEqual([{ from: [{ source: { principals: [principal("checkoutservice"), principal("frontend")] } }] }]);
    expect(rules("redis-cart")).toEqual([{ from: [{ source: { principals: [principal("cartservice")] } }] }]);
    // The edge: only the ingress gateway, only on the frontend's container port.
    expect(rules("frontend")).toEqual([{ from: [{ source: { principals: [principal("platform-gateway-istio", "istio-ingress")] } }], to: [{ operation: { ports: ["8080"] } }] }]);
  });

  it("limits each proxy's configuration to the control plane and its callees", () => {
    const hosts = (name: string) => at(`boutique/${name}/sidecar-${name}.yaml`).spec!.egress[0].hosts;
    expect(hosts("frontend")).toEqual([
      "istio-system/*",
      "boutique/cartservice.boutique.svc.cluster.local",
      "boutique/checkoutservice.boutique.svc.cluster.local",
      "boutique/productcatalogservice.boutique.svc.cluster.local",
    ]);
    expect(hosts("paymentservice")).toEqual(["istio-system/*"]);
    expect(hosts("cartservice")).toEqual(["istio-system/*", "boutique/redis-cart.boutique.svc.cluster.local"]);
  });

  it("routes every HTTP/gRPC service with retries 3 × 2s (gRPC conditions for gRPC) and a 10s timeout, over mutual TLS", () => {
    const checkout = at("boutique/checkoutservice/virtualservice-checkoutservice.yaml").spec!;
    expect(checkout.http).toEqual([
      {
        name: "default",
        route: [{ destination: { host: "checkoutservice.boutique.svc.cluster.local", subset: "v1" } }],
        retries: { attempts: 3, perTryTimeout: "2s", retryOn: "connect-failure,refused-stream,reset,unavailable,cancelled" },
        timeout: "10s",
      },
    ]);
    expect(at("boutique/frontend/virtualservice-frontend.yaml").spec!.http[0].retries.retryOn).toBe("connect-failure,refused-stream,reset,gateway-error");
    const rule = at("boutique/redis-cart/destinationrule-redis-cart.yaml").spec!;
    expect(rule.host).toBe("redis-cart.boutique.svc.cluster.local");
    expect(rule.trafficPolicy.tls).toEqual({ mode: "ISTIO_MUTUAL" });
    expect(rule.subsets).toEqual([{ name: "v1", labels: { version: "v1" } }]);
  });

  it("traces 10 % of the tenant's requests and 100 % through checkout and payment", () => {
    expect(at("boutique/_tenant/telemetry-tracing.yaml").spec).toEqual({ tracing: [{ randomSamplingPercentage: 10 }] });
    for (const name of ["checkoutservice", "paymentservice"]) {
      expect(at(`boutique/${name}/telemetry-${name}-tracing.yaml`).spec).toEqual({
        selector: { matchLabels: { "app.kubernetes.io/name": name } },
        tracing: [{ randomSamplingPercentage: 100 }],
      });
    }
  });

  it("exposes the frontend through a Gateway API Gateway with the certificate by Secret name, HTTP redirected", () => {
    const gateway = at("_cluster/gateway-platform-gateway.yaml");
    expect(gateway.apiVersion).toBe("gateway.networking.k8s.io/v1");
    expect(gateway.spec!.gatewayClassName).toBe("istio");
    expect(gateway.spec!.listeners.find((l: { name: string }) => l.name === "https-shop-cloud-lab-example")).toMatchObject({
      hostname: "shop.cloud-lab.example",
      port: 443,
      protocol: "HTTPS",
      tls: { mode: "Terminate", certificateRefs: [{ kind: "Secret", name: "ingress-tls" }] },
    });
    expect(at("_cluster/httproute-https-redirect.yaml").spec!.rules).toEqual([
      { filters: [{ type: "RequestRedirect", requestRedirect: { scheme: "https", statusCode: 301 } }] },
    ]);
    const route = at("boutique/frontend/httproute-frontend.yaml").spec!;
    expect(route.hostnames).toEqual(["shop.cloud-lab.example"]);
    expect(route.rules).toEqual([{ matches: [{ path: { type: "PathPrefix", value: "/" } }], backendRefs: [{ name: "frontend", port: 80 }] }]);
    expect(fileAt(synthesis.files, `${ENVIRONMENT}/boutique/frontend/httproute-frontend.yaml`)).not.toContain("tls.crt");
  });
});

import type { PlatformDefinition } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import {
  buildAllowDnsAndMeshNetworkPolicy,
  buildCallGraph,
  buildDefaultDenyNetworkPolicy,
  buildServiceNetworkPolicy,
  ISTIO_SYSTEM,
  ISTIOD_XDS_PORT,
  serviceLabels,
  tenantLabels,
  validationMessages,
} from "../src/index.ts";
import { cacheSpec, checkoutSpec, fixturePlatform, modelOf, sourcedService, webSpec, workerSpec } from "./fixtures.ts";

/** The NetworkPolicy of one service of a platform in an environment, with the callers and callees running there. */
function policyOf(name: string, definition: PlatformDefinition = fixturePlatform(), environment = "prod-us-west-2") {
  const model = modelOf(environment, definition);
  const graph = buildCallGraph(model.services);
  const service = model.services.find((s) => s.name === name)!;
  return { service, policy: buildServiceNetworkPolicy(service, graph.callers(service), graph.callees(service), model.environment.mesh.ingress.namespace) };
}

const namespace = (name: string) => ({ matchLabels: { "kubernetes.io/metadata.name": name } });
const pods = (name: string) => ({ matchLabels: { "app.kubernetes.io/name": name } });

describe("buildDefaultDenyNetworkPolicy", () => {
  it("denies all ingress and egress of every pod in the tenant's namespace", () => {
    const shop = modelOf("prod-us-west-2").tenants.find((t) => t.name === "shop")!;
    const policy = buildDefaultDenyNetworkPolicy(shop);
    expect(policy.toJSON()).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "default-deny", namespace: "shop", labels: tenantLabels(shop) },
      spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
    });
    expect(validationMessages(policy)).toEqual([]);
  });
});

describe("buildAllowDnsAndMeshNetworkPolicy", () => {
  it("lets every pod reach kube-dns on 53 (UDP and TCP) and istiod on 15012, and nothing else", () => {
    const shop = modelOf("prod-us-west-2").tenants.find((t) => t.name === "shop")!;
    expect([ISTIO_SYSTEM, ISTIOD_XDS_PORT]).toEqual(["istio-system", 15012]);
    const policy = buildAllowDnsAndMeshNetworkPolicy(shop);
    expect(policy.toJSON()).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "allow-dns-and-mesh-control-plane", namespace: "shop", labels: tenantLabels(shop) },
      spec: {
        podSelector: {},
        policyTypes: ["Egress"],
        egress: [
          {
            to: [{ namespaceSelector: namespace("kube-system"), podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
            ports: [
              { protocol: "UDP", port: 53 },
              { protocol: "TCP", port: 53 },
            ],
          },
          { to: [{ namespaceSelector: namespace("istio-system"), podSelector: { matchLabels: { app: "istiod" } } }], ports: [{ protocol: "TCP", port: 15012 }] },
        ],
      },
    });
    expect(validationMessages(policy)).toEqual([]);
  });
});

describe("buildServiceNetworkPolicy", () => {
  // The fixture: storefront/web → shop/checkout → shop/cache.
  it("lets in exactly the callers on the service's container ports, and out exactly to its callees on theirs", () => {
    const { service, policy } = policyOf("checkout");
    expect(policy.toJSON()).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "checkout", namespace: "shop", labels: serviceLabels(service) },
      spec: {
        podSelector: pods("checkout"),
        policyTypes: ["Ingress", "Egress"],
        // web is in another tenant: its namespace and its pods.
        ingress: [{ from: [{ namespaceSelector: namespace("storefront"), podSelector: pods("web") }], ports: [{ protocol: "TCP", port: 9090 }] }],
        // cache is in the same tenant: its pods only.
        egress: [{ to: [{ podSelector: pods("cache") }], ports: [{ protocol: "TCP", port: 6379 }] }],
      },
    });
    expect(validationMessages(policy)).toEqual([]);
  });

  it("opens no ingress for a service nobody calls, and egress across tenants with the callee's namespace", () => {
    const { policy } = policyOf("web");
    expect(policy.spec!.ingress).toEqual([]);
    expect(policy.spec!.egress).toEqual([{ to: [{ namespaceSelector: namespace("shop"), podSelector: pods("checkout") }], ports: [{ protocol: "TCP", port: 9090 }] }]);
  });

  it("opens no egress for a service that calls nothing", () => {
    const { policy } = policyOf("cache");
    expect(policy.spec!.ingress).toEqual([{ from: [{ podSelector: pods("checkout") }], ports: [{ protocol: "TCP", port: 6379 }] }]);
    expect(policy.spec!.egress).toEqual([]);
  });

  it("lists every caller in one rule, on every container port (targetPort, not the Service port)", () => {
    const definition = fixturePlatform({
      services: [
        sourcedService(checkoutSpec()),
        sourcedService(webSpec({ calls: ["shop/checkout", "shop/cache"] })),
        sourcedService(cacheSpec({ exposedTo: ["storefront/web"], ports: [{ name: "redis", port: 6379, protocol: "tcp" }, { name: "metrics", port: 9121, targetPort: 9200, protocol: "tcp" }] })),
      ],
    });
    expect(policyOf("cache", definition).policy.spec!.ingress).toEqual([
      {
        from: [{ podSelector: pods("checkout") }, { namespaceSelector: namespace("storefront"), podSelector: pods("web") }],
        ports: [
          { protocol: "TCP", port: 6379 },
          { protocol: "TCP", port: 9200 },
        ],
      },
    ]);
  });

  it("lets the ingress gateway's namespace reach an edge service on the port it routes to", () => {
    const definition = fixturePlatform({
      services: [sourcedService(checkoutSpec()), sourcedService(webSpec({ ingress: { hosts: ["shop.example.com"] } })), sourcedService(cacheSpec())],
    });
    expect(policyOf("web", definition).policy.spec!.ingress).toEqual([{ from: [{ namespaceSelector: namespace("istio-ingress") }], ports: [{ protocol: "TCP", port: 8080 }] }]);
  });

  it("leaves out callers and callees that do not run in the environment", () => {
    const definition = fixturePlatform({
      environments: fixturePlatform().environments.map((e) => (e.spec.name === "staging" ? { ...e, spec: { ...e.spec, overrides: { cache: { disabled: true } } } } : e)),
    });
    expect(policyOf("checkout", definition, "staging").policy.spec!.egress).toEqual([]);
    expect(policyOf("checkout", definition, "prod-us-west-2").policy.spec!.egress).toHaveLength(1);
  });

  it("opens no ingress to a service without ports, and no egress rule to a callee without ports", () => {
    const definition = fixturePlatform({
      services: [sourcedService(checkoutSpec({ calls: ["cache", "mailer"] })), sourcedService(webSpec()), sourcedService(cacheSpec()), sourcedService(workerSpec())],
    });
    expect(policyOf("mailer", definition).policy.spec!.ingress).toEqual([]);
    expect(policyOf("checkout", definition).policy.spec!.egress).toEqual([{ to: [{ podSelector: pods("cache") }], ports: [{ protocol: "TCP", port: 6379 }] }]);
  });
});

import { describe, expect, it } from "vitest";
import { buildCallGraph, buildEgressServiceEntries, buildServiceNetworkPolicy, buildSidecar, externalEgressRules, serviceLabels, serviceObjects, validationMessages } from "../src/index.ts";
import { checkoutSpec, fixturePlatform, modelOf, resolved, sourcedService, webSpec, cacheSpec } from "./fixtures.ts";

const PROVIDER = "api.payments.example";
const WORLD = { ipBlock: { cidr: "0.0.0.0/0", except: ["10.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16"] } };

describe("buildEgressServiceEntries", () => {
  it("renders one ServiceEntry per host: outside the mesh, DNS, exported to its own namespace, ports named <protocol>-<number>", () => {
    const service = resolved(checkoutSpec({ egress: [{ host: PROVIDER }, { host: "smtp.mail.example", port: 587, protocol: "tcp" }, { host: PROVIDER, port: 8080, protocol: "http" }] }));
    const entries = buildEgressServiceEntries(service);
    expect(entries.map((e) => e.toJSON())).toEqual([
      {
        apiVersion: "networking.istio.io/v1beta1",
        kind: "ServiceEntry",
        metadata: { name: `checkout-egress-${PROVIDER}`, namespace: "shop", labels: serviceLabels(service) },
        spec: {
          hosts: [PROVIDER],
          location: "MESH_EXTERNAL",
          resolution: "DNS",
          exportTo: ["."],
          ports: [
            { number: 443, name: "tls-443", protocol: "TLS" },
            { number: 8080, name: "http-8080", protocol: "HTTP" },
          ],
        },
      },
      {
        apiVersion: "networking.istio.io/v1beta1",
        kind: "ServiceEntry",
        metadata: { name: "checkout-egress-smtp.mail.example", namespace: "shop", labels: serviceLabels(service) },
        spec: { hosts: ["smtp.mail.example"], location: "MESH_EXTERNAL", resolution: "DNS", exportTo: ["."], ports: [{ number: 587, name: "tcp-587", protocol: "TCP" }] },
      },
    ]);
    for (const entry of entries) expect(validationMessages(entry)).toEqual([]);
  });

  it.each([
    ["tls", "TLS"],
    ["https", "HTTPS"],
    ["http", "HTTP"],
    ["http2", "HTTP2"],
    ["grpc", "GRPC"],
    ["tcp", "TCP"],
  ] as const)("names protocol %s as Istio's %s", (protocol, istio) => {
    const [entry] = buildEgressServiceEntries(resolved(checkoutSpec({ egress: [{ host: PROVIDER, port: 9443, protocol }] })));
    expect(entry!.spec!.ports).toEqual([{ number: 9443, name: `${protocol}-9443`, protocol: istio }]);
  });

  it("renders nothing for a service without egress", () => {
    expect(buildEgressServiceEntries(resolved(checkoutSpec()))).toEqual([]);
  });
});

describe("externalEgressRules", () => {
  it("opens the internet but the private and link-local ranges, on each declared port once, in ascending order", () => {
    const service = resolved(checkoutSpec({ egress: [{ host: PROVIDER, port: 8443 }, { host: "smtp.mail.example", port: 587, protocol: "tcp" }, { host: "hooks.mail.example", port: 8443 }] }));
    expect(externalEgressRules(service)).toEqual([{ to: [WORLD], ports: [{ protocol: "TCP", port: 587 }, { protocol: "TCP", port: 8443 }] }]);
  });

  it("opens nothing for a service without egress", () => {
    expect(externalEgressRules(resolved(checkoutSpec()))).toEqual([]);
  });
});

describe("a service with egress", () => {
  const definition = fixturePlatform({
    services: [sourcedService(checkoutSpec({ egress: [{ host: PROVIDER }] })), sourcedService(webSpec()), sourcedService(cacheSpec())],
  });
  const model = modelOf("prod-us-west-2", definition);
  const graph = buildCallGraph(model.services);
  const checkout = model.services.find((s) => s.name === "checkout")!;

  it("lists the host in its Sidecar after its callees, in its own namespace", () => {
    expect(buildSidecar(checkout, graph.callees(checkout)).spec!.egress).toEqual([{ hosts: ["istio-system/*", "shop/cache.shop.svc.cluster.local", `shop/${PROVIDER}`] }]);
  });

  it("adds the internet rule after its callees' rules in its NetworkPolicy", () => {
    const policy = buildServiceNetworkPolicy(checkout, graph.callers(checkout), graph.callees(checkout), model.environment.mesh.ingress.namespace);
    expect(policy.spec!.egress).toEqual([
      { to: [{ podSelector: { matchLabels: { "app.kubernetes.io/name": "cache" } } }], ports: [{ protocol: "TCP", port: 6379 }] },
      { to: [WORLD], ports: [{ protocol: "TCP", port: 443 }] },
    ]);
    expect(validationMessages(policy)).toEqual([]);
  });

  it("renders its ServiceEntry among its own objects, after its Sidecar", () => {
    const kinds = serviceObjects({ service: checkout, environment: model.environment, callers: graph.callers(checkout), callees: graph.callees(checkout) }).map((o) => (o.toJSON() as { kind: string }).kind);
    expect(kinds.slice(kinds.indexOf("Sidecar"), kinds.indexOf("Sidecar") + 2)).toEqual(["Sidecar", "ServiceEntry"]);
    expect(kinds.filter((k) => k === "ServiceEntry")).toHaveLength(1);
  });
});

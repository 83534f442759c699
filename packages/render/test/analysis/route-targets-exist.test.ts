import { describe, expect, it } from "vitest";
import { RENDER_ANALYSES, routeTargetsExist, type Manifest, type ObjectFinding } from "../../src/index.ts";

const HOST = "checkout.shop.svc.cluster.local";
const NAME = { "app.kubernetes.io/name": "checkout" };

function service(name: string, namespace: string, selector: Record<string, string>): Manifest {
  return { apiVersion: "v1", kind: "Service", metadata: { name, namespace }, spec: { selector, ports: [{ port: 9090 }] } };
}

function workload(kind: string, name: string, namespace: string, labels: Record<string, string>): Manifest {
  return { apiVersion: "apps/v1", kind, metadata: { name, namespace }, spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: {} } } };
}

function destinationRule(host: string, subsets: string[], namespace = "shop", name = "checkout"): Manifest {
  return {
    apiVersion: "networking.istio.io/v1beta1",
    kind: "DestinationRule",
    metadata: { name, namespace },
    spec: { host, subsets: subsets.map((subset) => ({ name: subset, labels: { version: subset } })) },
  };
}

function virtualService(spec: Record<string, unknown>, namespace = "shop", name = "checkout"): Manifest {
  return { apiVersion: "networking.istio.io/v1beta1", kind: "VirtualService", metadata: { name, namespace }, spec: { hosts: [HOST], ...spec } };
}

const route = (host: string, subset?: string, weight?: number) => ({ destination: { host, ...(subset === undefined ? {} : { subset }) }, ...(weight === undefined ? {} : { weight }) });

/** checkout in `shop`: a Service, a Deployment of v1, a DestinationRule with subsets v1 and v2 (v2 has no pods). */
const WORLD: Manifest[] = [service("checkout", "shop", NAME), workload("Deployment", "checkout-v1", "shop", { ...NAME, version: "v1" }), destinationRule(HOST, ["v1", "v2"])];
const VS = "VirtualService/shop/checkout";

describe("routeTargetsExist", () => {
  it("runs on every render", () => {
    expect(RENDER_ANALYSES).toContain(routeTargetsExist);
  });

  it.each<[string, Manifest[]]>([
    ["no VirtualService", WORLD],
    ["a route to a subset with pods", [...WORLD, virtualService({ http: [{ name: "default", route: [route(HOST, "v1")] }] })]],
    ["a route without a subset", [...WORLD, virtualService({ http: [{ route: [route(HOST)] }] })]],
    ["a short host in the Service's namespace", [...WORLD, virtualService({ http: [{ route: [route("checkout", "v1")] }] })]],
    ["a name.namespace host", [...WORLD, virtualService({ http: [{ route: [route("checkout.shop", "v1")] }] })]],
    ["an external host", [...WORLD, virtualService({ http: [{ route: [route("api.stripe.com")] }] })]],
    ["mirroring to a subset with pods", [...WORLD, virtualService({ http: [{ route: [route(HOST, "v1")], mirror: { host: HOST, subset: "v1" } }] })]],
    ["a TCP route", [...WORLD, virtualService({ tcp: [{ route: [route(HOST, "v1")] }] })]],
    ["a route from another namespace by full name", [...WORLD, virtualService({ http: [{ route: [route(HOST, "v1")] }] }, "storefront", "to-checkout")]],
    [
      "a subset whose pods come from a StatefulSet",
      [...WORLD, workload("StatefulSet", "checkout-v2", "shop", { ...NAME, version: "v2", extra: "x" }), virtualService({ http: [{ route: [route(HOST, "v2")] }] })],
    ],
    [
      "a DestinationRule in another namespace, by full host",
      [service("checkout", "shop", NAME), workload("Deployment", "checkout", "shop", { ...NAME, version: "v1" }), destinationRule(HOST, ["v1"], "istio-system", "x"), virtualService({ http: [{ route: [route(HOST, "v1")] }] })],
    ],
  ])("accepts %s", (_, manifests) => {
    expect(routeTargetsExist(manifests)).toEqual([]);
  });

  it.each<[string, Manifest[], ObjectFinding[]]>([
    [
      "a host that is not a rendered Service",
      [...WORLD, virtualService({ http: [{ name: "default", route: [route("cart.shop.svc.cluster.local", "v1")] }] })],
      [{ object: VS, message: 'spec.http[0] (route "default").route[0].destination.host: "cart.shop.svc.cluster.local" is not a rendered Service (IST0101)' }],
    ],
    [
      "a subset no DestinationRule defines",
      [...WORLD, virtualService({ http: [{ name: "default", route: [route(HOST, "v1", 90), route(HOST, "v3", 10)] }] })],
      [{ object: VS, message: `spec.http[0] (route "default").route[1].destination.subset: "v3" is not a subset of any DestinationRule for ${HOST} (IST0101)` }],
    ],
    [
      "a subset that selects no pods",
      [...WORLD, virtualService({ http: [{ name: "beta", route: [route(HOST, "v2")] }] })],
      [{ object: VS, message: `spec.http[0] (route "beta").route[0].destination.subset: "v2" of ${HOST} selects no pods of a rendered workload` }],
    ],
    [
      "a subset whose only pods are in another namespace",
      [...WORLD, workload("Deployment", "checkout-v2", "other", { ...NAME, version: "v2" }), virtualService({ http: [{ route: [route(HOST, "v2")] }] })],
      [{ object: VS, message: `spec.http[0].route[0].destination.subset: "v2" of ${HOST} selects no pods of a rendered workload` }],
    ],
    [
      "a subset whose pods the Service does not select",
      [...WORLD, workload("Deployment", "cart-v2", "shop", { "app.kubernetes.io/name": "cart", version: "v2" }), virtualService({ http: [{ route: [route(HOST, "v2")] }] })],
      [{ object: VS, message: `spec.http[0].route[0].destination.subset: "v2" of ${HOST} selects no pods of a rendered workload` }],
    ],
    [
      "a short host resolved in the VirtualService's own namespace",
      [...WORLD, virtualService({ http: [{ route: [route("checkout", "v1")] }] }, "storefront", "web")],
      [{ object: "VirtualService/storefront/web", message: 'spec.http[0].route[0].destination.host: "checkout" is not a rendered Service (IST0101)' }],
    ],
    [
      "a mirror to a missing subset",
      [...WORLD, virtualService({ http: [{ name: "default", route: [route(HOST, "v1")], mirror: { host: HOST, subset: "shadow" } }] })],
      [{ object: VS, message: `spec.http[0] (route "default").mirror.subset: "shadow" is not a subset of any DestinationRule for ${HOST} (IST0101)` }],
    ],
    [
      "a TCP route to a missing Service",
      [...WORLD, virtualService({ tcp: [{ route: [route("redis.shop.svc.cluster.local")] }] })],
      [{ object: VS, message: 'spec.tcp[0].route[0].destination.host: "redis.shop.svc.cluster.local" is not a rendered Service (IST0101)' }],
    ],
    [
      "every bad destination, in order",
      [
        ...WORLD,
        virtualService({
          http: [
            { name: "beta", route: [route(HOST, "v2")] },
            { name: "default", route: [route(HOST, "v1"), route("ghost", "v1")], mirror: { host: HOST, subset: "v9" } },
          ],
        }),
      ],
      [
        { object: VS, message: `spec.http[0] (route "beta").route[0].destination.subset: "v2" of ${HOST} selects no pods of a rendered workload` },
        { object: VS, message: 'spec.http[1] (route "default").route[1].destination.host: "ghost" is not a rendered Service (IST0101)' },
        { object: VS, message: `spec.http[1] (route "default").mirror.subset: "v9" is not a subset of any DestinationRule for ${HOST} (IST0101)` },
      ],
    ],
  ])("refuses %s", (_, manifests, findings) => {
    expect(routeTargetsExist(manifests)).toEqual(findings);
  });
});

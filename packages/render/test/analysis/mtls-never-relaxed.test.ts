import { describe, expect, it } from "vitest";
import { mtlsNeverRelaxed, RENDER_ANALYSES, type Manifest, type ObjectFinding } from "../../src/index.ts";

function peerAuthentication(spec: unknown, namespace = "shop", apiVersion = "security.istio.io/v1beta1"): Manifest {
  return { apiVersion, kind: "PeerAuthentication", metadata: { name: "default", namespace }, spec };
}

function destinationRule(spec: Record<string, unknown>, name = "checkout", apiVersion = "networking.istio.io/v1beta1"): Manifest {
  return { apiVersion, kind: "DestinationRule", metadata: { name, namespace: "shop" }, spec };
}

const HOST = "checkout.shop.svc.cluster.local";
const PA = "PeerAuthentication/shop/default";
const DR = "DestinationRule/shop/checkout";
const relaxedPeer = (path: string, mode: string) => `${path}: "${mode}" relaxes mutual TLS; the platform requires STRICT`;
const relaxedRule = (path: string, mode: string) => `${path}.mode: "${mode}" relaxes mutual TLS to an in-mesh host; use ISTIO_MUTUAL`;

describe("mtlsNeverRelaxed", () => {
  it("runs on every render", () => {
    expect(RENDER_ANALYSES).toContain(mtlsNeverRelaxed);
  });

  it.each<[string, Manifest[]]>([
    ["no objects", []],
    ["the mesh-wide STRICT policy", [peerAuthentication({ mtls: { mode: "STRICT" } }, "istio-system")]],
    ["a namespace STRICT policy", [peerAuthentication({ mtls: { mode: "STRICT" } })]],
    ["STRICT on a port too", [peerAuthentication({ mtls: { mode: "STRICT" }, portLevelMtls: { "8080": { mode: "STRICT" } } })]],
    ["a workload's STRICT policy under security.istio.io/v1", [peerAuthentication({ selector: { matchLabels: { app: "a" } }, mtls: { mode: "STRICT" } }, "shop", "security.istio.io/v1")]],
    ["another group's PeerAuthentication", [peerAuthentication({ mtls: { mode: "DISABLE" } }, "shop", "example.com/v1")]],
    ["a DestinationRule with ISTIO_MUTUAL everywhere", [destinationRule({ host: HOST, trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" }, portLevelSettings: [{ tls: { mode: "ISTIO_MUTUAL" } }] }, subsets: [{ name: "v1", trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } }] })]],
    ["a DestinationRule that leaves TLS to the mesh", [destinationRule({ host: HOST, subsets: [{ name: "v1", labels: { version: "v1" } }] })]],
    ["an external host with its own TLS", [destinationRule({ host: "api.stripe.com", trafficPolicy: { tls: { mode: "SIMPLE" } } })]],
    ["an external wildcard with its own TLS", [destinationRule({ host: "*.googleapis.com", trafficPolicy: { tls: { mode: "SIMPLE" } } })]],
    ["another group's DestinationRule", [destinationRule({ host: HOST, trafficPolicy: { tls: { mode: "DISABLE" } } }, "checkout", "example.com/v1")]],
    ["other kinds", [{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "tls", namespace: "shop" }, spec: { mtls: { mode: "DISABLE" } } }]],
  ])("accepts %s", (_, manifests) => {
    expect(mtlsNeverRelaxed(manifests)).toEqual([]);
  });

  it.each<[string, Manifest[], ObjectFinding[]]>([
    ["a PERMISSIVE namespace policy", [peerAuthentication({ mtls: { mode: "PERMISSIVE" } })], [{ object: PA, message: relaxedPeer("spec.mtls.mode", "PERMISSIVE") }]],
    [
      "a DISABLE mesh-wide policy",
      [peerAuthentication({ mtls: { mode: "DISABLE" } }, "istio-system")],
      [{ object: "PeerAuthentication/istio-system/default", message: relaxedPeer("spec.mtls.mode", "DISABLE") }],
    ],
    ["UNSET (inherits, so it can be relaxed above)", [peerAuthentication({ mtls: { mode: "UNSET" } })], [{ object: PA, message: relaxedPeer("spec.mtls.mode", "UNSET") }]],
    ["no mode at all", [peerAuthentication({})], [{ object: PA, message: relaxedPeer("spec.mtls.mode", "unset") }]],
    ["no spec at all", [peerAuthentication(undefined)], [{ object: PA, message: relaxedPeer("spec.mtls.mode", "unset") }]],
    [
      "a port relaxed under a STRICT policy, ports in order",
      [peerAuthentication({ mtls: { mode: "STRICT" }, portLevelMtls: { "9090": { mode: "DISABLE" }, "8080": { mode: "PERMISSIVE" }, "80": {} } })],
      [
        { object: PA, message: relaxedPeer("spec.portLevelMtls.80.mode", "unset") },
        { object: PA, message: relaxedPeer("spec.portLevelMtls.8080.mode", "PERMISSIVE") },
        { object: PA, message: relaxedPeer("spec.portLevelMtls.9090.mode", "DISABLE") },
      ],
    ],
    ["TLS disabled to an in-mesh host", [destinationRule({ host: HOST, trafficPolicy: { tls: { mode: "DISABLE" } } })], [{ object: DR, message: relaxedRule("spec.trafficPolicy.tls", "DISABLE") }]],
    ["plain TLS to a short in-mesh name", [destinationRule({ host: "checkout", trafficPolicy: { tls: { mode: "SIMPLE" } } })], [{ object: DR, message: relaxedRule("spec.trafficPolicy.tls", "SIMPLE") }]],
    [
      "a relaxed port and a relaxed subset",
      [
        destinationRule({
          host: HOST,
          trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" }, portLevelSettings: [{ tls: { mode: "ISTIO_MUTUAL" } }, { tls: { mode: "MUTUAL" } }] },
          subsets: [{ name: "v1", trafficPolicy: { tls: { mode: "DISABLE" } } }, { name: "v2" }],
        }),
      ],
      [
        { object: DR, message: relaxedRule("spec.trafficPolicy.portLevelSettings[1].tls", "MUTUAL") },
        { object: DR, message: relaxedRule("spec.subsets[0].trafficPolicy.tls", "DISABLE") },
      ],
    ],
    // Wildcards that cover the mesh's own names relax mutual TLS to every service they match.
    ["TLS disabled for every host", [destinationRule({ host: "*", trafficPolicy: { tls: { mode: "DISABLE" } } }, "all")], [{ object: "DestinationRule/shop/all", message: relaxedRule("spec.trafficPolicy.tls", "DISABLE") }]],
    [
      "TLS disabled for *.cluster.local",
      [destinationRule({ host: "*.cluster.local", trafficPolicy: { tls: { mode: "DISABLE" } } }, "cluster")],
      [{ object: "DestinationRule/shop/cluster", message: relaxedRule("spec.trafficPolicy.tls", "DISABLE") }],
    ],
    [
      "TLS disabled for *.local",
      [destinationRule({ host: "*.local", trafficPolicy: { tls: { mode: "DISABLE" } } }, "local")],
      [{ object: "DestinationRule/shop/local", message: relaxedRule("spec.trafficPolicy.tls", "DISABLE") }],
    ],
    [
      "TLS disabled for a namespace's wildcard",
      [destinationRule({ host: "*.shop.svc.cluster.local", trafficPolicy: { tls: { mode: "DISABLE" } } }, "shop")],
      [{ object: "DestinationRule/shop/shop", message: relaxedRule("spec.trafficPolicy.tls", "DISABLE") }],
    ],
    [
      "several objects, in order",
      [
        destinationRule({ host: HOST, trafficPolicy: { tls: { mode: "DISABLE" } } }),
        peerAuthentication({ mtls: { mode: "STRICT" } }, "istio-system"),
        peerAuthentication({ mtls: { mode: "PERMISSIVE" } }),
      ],
      [
        { object: DR, message: relaxedRule("spec.trafficPolicy.tls", "DISABLE") },
        { object: PA, message: relaxedPeer("spec.mtls.mode", "PERMISSIVE") },
      ],
    ],
  ])("refuses %s", (_, manifests, findings) => {
    expect(mtlsNeverRelaxed(manifests)).toEqual(findings);
  });
});

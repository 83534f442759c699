import type { ResolvedService, ResolvedTenant } from "@cloudlab/model";
import type { IIoK8sApiNetworkingV1NetworkPolicyPeer } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { serviceLabels, serviceSelector, tenantLabels } from "../labels.ts";
import { externalEgressRules } from "./external-egress.ts";

/** The namespace of the mesh control plane. */
export const ISTIO_SYSTEM = "istio-system";
/** istiod's port for xDS and certificate signing, which every sidecar needs. */
export const ISTIOD_XDS_PORT = 15012;

/** Denies all ingress and egress in the tenant's namespace; the allow policies open exactly the declared paths. */
export function buildDefaultDenyNetworkPolicy(tenant: ResolvedTenant): NetworkPolicy {
  return new NetworkPolicy({
    metadata: { name: "default-deny", namespace: tenant.name, labels: tenantLabels(tenant) },
    spec: { podSelector: {}, policyTypes: ["Ingress", "Egress"] },
  });
}

/** Lets every pod of the tenant resolve names (kube-dns) and reach istiod (its sidecar's configuration and certificates). */
export function buildAllowDnsAndMeshNetworkPolicy(tenant: ResolvedTenant): NetworkPolicy {
  return new NetworkPolicy({
    metadata: { name: "allow-dns-and-mesh-control-plane", namespace: tenant.name, labels: tenantLabels(tenant) },
    spec: {
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [
        {
          to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "kube-system" } }, podSelector: { matchLabels: { "k8s-app": "kube-dns" } } }],
          ports: [
            { protocol: "UDP", port: 53 },
            { protocol: "TCP", port: 53 },
          ],
        },
        {
          to: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": ISTIO_SYSTEM } }, podSelector: { matchLabels: { app: "istiod" } } }],
          ports: [{ protocol: "TCP", port: ISTIOD_XDS_PORT }],
        },
      ],
    },
  });
}

function peer(from: ResolvedService, to: ResolvedService): IIoK8sApiNetworkingV1NetworkPolicyPeer {
  const podSelector = { matchLabels: serviceSelector(from) };
  if (from.tenant === to.tenant) return { podSelector };
  return { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": from.tenant } }, podSelector };
}

function ports(service: ResolvedService) {
  return service.ports.map((p) => ({ protocol: "TCP" as const, port: p.targetPort }));
}

/**
 * A service's allow policy, derived from the call graph: ingress from the services that call it on its container
 * ports (and from the ingress gateway's namespace for an edge service), egress to the services it calls on theirs
 * and to the internet on the ports of its declared external hosts.
 * Callers and callees are those running in this environment.
 */
export function buildServiceNetworkPolicy(
  service: ResolvedService,
  callers: readonly ResolvedService[],
  callees: readonly ResolvedService[],
  ingressNamespace?: string,
): NetworkPolicy {
  const ingress = callers.length > 0 && service.ports.length > 0 ? [{ from: callers.map((c) => peer(c, service)), ports: ports(service) }] : [];
  if (service.ingress !== undefined && ingressNamespace !== undefined) {
    // The edge service also takes requests from the ingress gateway, on the port it routes to.
    ingress.push({
      from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": ingressNamespace } } }],
      ports: [{ protocol: "TCP", port: service.ingress.port.targetPort }],
    });
  }
  const egress = [
    ...callees.filter((c) => c.ports.length > 0).map((callee) => ({ to: [peer(callee, service)], ports: ports(callee) })),
    ...externalEgressRules(service),
  ];
  return new NetworkPolicy({
    metadata: { name: service.name, namespace: service.tenant, labels: serviceLabels(service) },
    spec: {
      podSelector: { matchLabels: serviceSelector(service) },
      policyTypes: ["Ingress", "Egress"],
      ingress,
      egress,
    },
  });
}

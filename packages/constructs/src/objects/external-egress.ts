import type { ResolvedService } from "@cloudlab/model";
import type { IIoK8sApiNetworkingV1NetworkPolicyEgressRule } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyEgressRule";

/**
 * Address ranges an external egress rule never opens: the private (RFC 1918) ranges the cluster's pods, nodes and
 * load balancers live in, and link-local, where the cloud's instance metadata service answers. A declared external
 * port therefore opens the internet on that port, not the cluster or the node's credentials.
 */
export const NON_EXTERNAL_RANGES: readonly string[] = ["10.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16"];

/**
 * The NetworkPolicy egress rule for a service's external hosts: the internet (IPv4, without the private and
 * link-local ranges) on the declared ports, TCP, each once and in ascending order. A NetworkPolicy sees addresses,
 * not names: the host is enforced by the sidecar (the ServiceEntry and REGISTRY_ONLY), the port here.
 */
export function externalEgressRules(service: ResolvedService): IIoK8sApiNetworkingV1NetworkPolicyEgressRule[] {
  if (service.egress.length === 0) return [];
  const ports = [...new Set(service.egress.map((e) => e.port))].sort((a, b) => a - b);
  return [{ to: [{ ipBlock: { cidr: "0.0.0.0/0", except: [...NON_EXTERNAL_RANGES] } }], ports: ports.map((port) => ({ protocol: "TCP" as const, port })) }];
}

import type { ResolvedEnvironment } from "@cloudlab/model";
import { Gateway } from "@kubernetes-models/istio/networking.istio.io/v1beta1/Gateway";
import { isMultiCluster } from "../delivery/addons.ts";
import { PLATFORM_LABELS } from "./ingress-gateway.ts";
import { ISTIO_SYSTEM } from "./network-policy.ts";

/**
 * Exposes this cluster's services to the other clusters of the mesh through the east-west gateway (mTLS passed
 * through on 15443, SNI-routed): the Istio multi-primary, multi-network setup. `undefined` for a single cluster.
 */
export function buildCrossNetworkGateway(environment: ResolvedEnvironment): Gateway | undefined {
  if (!isMultiCluster(environment)) return undefined;
  return new Gateway({
    metadata: { name: "cross-network-gateway", namespace: ISTIO_SYSTEM, labels: { ...PLATFORM_LABELS } },
    spec: {
      selector: { istio: "eastwestgateway" },
      servers: [{ port: { number: 15443, name: "tls", protocol: "TLS" }, tls: { mode: "AUTO_PASSTHROUGH" }, hosts: ["*.local"] }],
    },
  });
}

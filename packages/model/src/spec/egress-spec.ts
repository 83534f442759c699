import type { PortNumber } from "./primitives.ts";

/**
 * The protocol spoken to an external host, as Istio's ServiceEntry port protocols name it (upper-cased in the
 * rendered ServiceEntry): `tls` and `https` (the application does TLS itself; the sidecar routes by SNI without
 * reading the traffic), `http`, `http2` and `grpc` (plain text the sidecar reads: only for hosts the application
 * does not reach over TLS), `tcp` (opaque bytes, routed by destination address only).
 */
export type EgressProtocol = "tls" | "https" | "http" | "http2" | "grpc" | "tcp";

/**
 * An external host name the service calls: a fully qualified domain name of at least two lowercase labels, not a
 * wildcard, not an IP address, not a cluster-internal name.
 * @format external-host
 */
export type ExternalHost = string;

/**
 * One external API the service calls from inside the mesh. It renders a `ServiceEntry` (MESH_EXTERNAL, DNS
 * resolution, visible in the tenant's namespace only), a host in the service's Sidecar egress, and a NetworkPolicy
 * egress rule for the port; with the mesh's outbound policy REGISTRY_ONLY, an undeclared host is unreachable.
 */
export interface EgressSpec {
  /** The host called, e.g. `api.payments.example`. */
  readonly host: ExternalHost;
  /**
   * The port called on the host.
   * @default 443
   */
  readonly port?: PortNumber;
  /**
   * The protocol spoken on that port.
   * @default "tls"
   */
  readonly protocol?: EgressProtocol;
}

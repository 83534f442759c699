/**
 * The Istio API versions each Istio minor serves, per kind, as listed by the `served` versions of Istio's
 * CustomResourceDefinitions (checked against the 1.20 and 1.24 CRDs by the conformance run). Istio 1.22 promoted the
 * networking, `PeerAuthentication` and telemetry APIs to `v1`; `AuthorizationPolicy` and `RequestAuthentication` were
 * already served as `security.istio.io/v1` by 1.20, the oldest release the table covers.
 */
export interface IstioApi {
  readonly groupVersion: string;
  readonly kinds: readonly string[];
  /** First Istio minor serving it (always served by the releases the table covers when absent). */
  readonly since?: string;
}

const NETWORKING = ["DestinationRule", "Gateway", "ServiceEntry", "Sidecar", "VirtualService", "WorkloadEntry", "WorkloadGroup"];

export const ISTIO_APIS: readonly IstioApi[] = [
  { groupVersion: "networking.istio.io/v1alpha3", kinds: [...NETWORKING, "EnvoyFilter"] },
  { groupVersion: "networking.istio.io/v1beta1", kinds: [...NETWORKING, "ProxyConfig"] },
  { groupVersion: "networking.istio.io/v1", kinds: NETWORKING, since: "1.22" },
  { groupVersion: "security.istio.io/v1beta1", kinds: ["AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication"] },
  { groupVersion: "security.istio.io/v1", kinds: ["AuthorizationPolicy", "RequestAuthentication"], since: "1.20" },
  { groupVersion: "security.istio.io/v1", kinds: ["PeerAuthentication"], since: "1.22" },
  { groupVersion: "telemetry.istio.io/v1alpha1", kinds: ["Telemetry"] },
  { groupVersion: "telemetry.istio.io/v1", kinds: ["Telemetry"], since: "1.22" },
  { groupVersion: "extensions.istio.io/v1alpha1", kinds: ["WasmPlugin"] },
];

/** The API groups whose served versions follow the Istio version. */
export const ISTIO_GROUPS: ReadonlySet<string> = new Set(ISTIO_APIS.map((a) => a.groupVersion.split("/")[0]!));

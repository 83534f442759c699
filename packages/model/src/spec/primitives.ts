/**
 * Value types shared by the specs. Their JSDoc tags (`@format`, `@minimum`, …) flow into the generated JSON Schema,
 * so the run-time checks and the editor types come from this one source.
 */

/**
 * A DNS-1123 label: lowercase letters, digits and `-`, starting and ending with an alphanumeric, at most 63
 * characters. Used for tenant, service, team and port names.
 * @format dns-label
 */
export type Name = string;

/**
 * A tenant's name (its namespace): a DNS-1123 label of at most 48 characters, so that the names derived from it
 * (`<tenant>-secrets-reader`, the IRSA ServiceAccount of its secret store, is the longest) stay within 63.
 * @format tenant-name
 */
export type TenantName = string;

/**
 * A service's name: a DNS-1035 label (it names a Kubernetes Service, so it starts with a letter) of at most 47
 * characters, so that derived names (`<service>-headless`, `<service>-<version>`, `<service>-rolebinding`) stay within
 * Kubernetes' 63.
 * @format service-name
 */
export type ServiceName = string;

/**
 * A version's name, e.g. `v1`, `blue`: a DNS-1123 label of at most 15 characters (it suffixes workload names).
 * @format version-name
 */
export type VersionName = string;

/**
 * A port name: an IANA service name, as Kubernetes requires for container ports: at most 15 characters, lowercase
 * letters, digits and `-`, at least one letter, no `--`, not starting or ending with `-`.
 * @format port-name
 */
export type PortName = string;

/**
 * A Kubernetes resource quantity, e.g. `100m`, `0.5`, `64Mi`, `1Gi`.
 * @format quantity
 */
export type Quantity = string;

/**
 * A duration in Istio / Go form: a number followed by `ms`, `s`, `m` or `h`, e.g. `2s`, `10s`, `1m30s`.
 * @format duration
 */
export type Duration = string;

/**
 * A duration istiod accepts in a VirtualService or DestinationRule: at least 1ms, in whole milliseconds, e.g. `500ms`,
 * `2s`, `1m30s` (`0s` and `1.5ms` are refused).
 * @format mesh-duration
 */
export type MeshDuration = string;

/**
 * A port number.
 * @minimum 1
 * @maximum 65535
 * @asType integer
 */
export type PortNumber = number;

/**
 * A percentage from 1 to 100.
 * @minimum 1
 * @maximum 100
 * @asType integer
 */
export type Percent = number;

/**
 * A replica count.
 * @minimum 0
 * @maximum 100000
 * @asType integer
 */
export type ReplicaCount = number;

/** CPU and memory amounts for one side (requests or limits) of a container's resources. */
export interface ResourceAmounts {
  /** CPU, e.g. `100m`. */
  readonly cpu: Quantity;
  /** Memory, e.g. `128Mi`. */
  readonly memory: Quantity;
}

/** A container's resource requests and limits. */
export interface Resources {
  /** What the scheduler reserves for each pod's container. */
  readonly requests: ResourceAmounts;
  /** The most the container may use. */
  readonly limits: ResourceAmounts;
}

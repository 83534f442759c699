import type { MeshDuration, Name, Percent, PortName, PortNumber, VersionName } from "./primitives.ts";
import type { ImageSpec } from "./service-spec.ts";

/**
 * A traffic weight in percent, 0 to 100.
 * @minimum 0
 * @maximum 100
 * @asType integer
 */
export type Weight = number;

/** One version of a service running beside others (canary, A/B test, blue-green), each with its own workload. */
export interface VersionSpec {
  /** The version's name: its pods' `version` label, its DestinationRule subset, and its workload `<service>-<name>`. */
  readonly name: VersionName;
  /**
   * What this version runs, merged over the service's image (usually just another `tag`).
   * @default the service's image
   */
  readonly image?: Partial<ImageSpec>;
  /**
   * Its share, in percent, of the requests no route rule matched (weighted routing); the weights sum to 100.
   * @default 100 when it is the only version; required otherwise
   */
  readonly weight?: Weight;
}

/** How to compare one request attribute. Exactly one of `exact`, `prefix` or `regex` is set. */
export interface StringMatchSpec {
  /**
   * Equal to this.
   * @default not an exact match
   */
  readonly exact?: string;
  /**
   * Starts with this.
   * @default not a prefix match
   */
  readonly prefix?: string;
  /**
   * Matches this RE2 regular expression.
   * @default not a regex match
   */
  readonly regex?: string;
}

/** An A/B rule: requests that match go to one version, before the default split applies. */
export interface RouteMatchSpec {
  /** The rule's name (the VirtualService route's name). */
  readonly name: Name;
  /**
   * Request headers that must all match, by lowercase header name.
   * @default no header condition
   */
  readonly headers?: Readonly<Record<string, StringMatchSpec>>;
  /**
   * A cookie that must be present with exactly this value.
   * @default no cookie condition
   */
  readonly cookie?: { readonly name: string; readonly value: string };
  /** The version matching requests go to. */
  readonly version: Name;
}

/** Faults injected into a share of requests, for testing resilience (never on by default). */
export interface FaultSpec {
  /**
   * Delay a share of requests.
   * @default no delay
   */
  readonly delay?: { readonly percent: Percent; readonly fixedDelay: MeshDuration };
  /**
   * Fail a share of requests with an HTTP status.
   * @default no abort
   */
  readonly abort?: { readonly percent: Percent; readonly httpStatus: HttpStatus };
}

/**
 * An HTTP status code.
 * @minimum 200
 * @maximum 599
 * @asType integer
 */
export type HttpStatus = number;

/** Copy a share of live requests to a version (responses are discarded). */
export interface MirrorSpec {
  /** The version that receives the copies. */
  readonly version: Name;
  /** The share of requests copied. */
  readonly percent: Percent;
}

/** How requests are split between the service's versions. */
export type RoutingStrategy = "weighted" | "blue-green";

/** Routing between versions: canary weights, A/B rules, blue-green, fault injection and mirroring. */
export interface RoutingSpec {
  /**
   * `weighted`: every version gets its `weight` (a canary is v1 90 / v2 10). `blue-green`: the `live` version gets
   * everything; the other runs at full size, ready for the switch.
   * @default "weighted"
   */
  readonly strategy?: RoutingStrategy;
  /**
   * For blue-green: the version that receives all traffic. Switching is a change of this one field.
   * @default required with strategy "blue-green"
   */
  readonly live?: Name;
  /**
   * A/B rules, tried in order before the default split.
   * @default none
   */
  readonly matches?: readonly RouteMatchSpec[];
  /**
   * Fault injection on the default route.
   * @default none
   */
  readonly fault?: FaultSpec;
  /**
   * Mirroring of the default route's requests.
   * @default none
   */
  readonly mirror?: MirrorSpec;
}

/** Retries of failed requests to the service. */
export interface RetrySpec {
  /**
   * Attempts after the first.
   * @default 3
   * @minimum 0
   * @maximum 10
   * @asType integer
   */
  readonly attempts?: number;
  /**
   * Timeout of each attempt.
   * @default "2s"
   */
  readonly perTryTimeout?: MeshDuration;
  /**
   * Envoy retry conditions. The default only retries requests that cannot have reached the application (connection
   * failures, resets, refused streams; 502/503/504 for HTTP, `unavailable`/`cancelled` for gRPC), so a payment is
   * never charged twice.
   * @default "connect-failure,refused-stream,reset,gateway-error" for HTTP, "connect-failure,refused-stream,reset,unavailable,cancelled" for gRPC
   * @format retry-on
   */
  readonly retryOn?: string;
}

/** The circuit breaker's connection limits. */
export interface ConnectionPoolSpec {
  /**
   * Most TCP connections to the service from one caller pod.
   * @default 1024
   * @minimum 1
   * @asType integer
   */
  readonly maxConnections?: number;
  /**
   * Most requests waiting for a connection.
   * @default 1024
   * @minimum 1
   * @asType integer
   */
  readonly http1MaxPendingRequests?: number;
  /**
   * Most concurrent requests.
   * @default 1024
   * @minimum 1
   * @asType integer
   */
  readonly http2MaxRequests?: number;
}

/** Outlier detection: eject failing endpoints from the load-balancing pool (the circuit breaker). */
export interface OutlierDetectionSpec {
  /**
   * Consecutive 5xx (or gRPC unavailable) responses that eject an endpoint.
   * @default 5
   * @minimum 1
   * @asType integer
   */
  readonly consecutive5xxErrors?: number;
  /**
   * How often endpoints are evaluated.
   * @default "10s"
   */
  readonly interval?: MeshDuration;
  /**
   * How long an endpoint stays ejected (times the number of ejections).
   * @default "30s"
   */
  readonly baseEjectionTime?: MeshDuration;
  /**
   * The most endpoints that may be ejected at once, in percent.
   * @default 50
   */
  readonly maxEjectionPercent?: Percent;
}

/** Client-side traffic policy for calls to the service: timeout, retries, circuit breaker. */
export interface TrafficSpec {
  /**
   * The overall request timeout.
   * @default "10s"
   */
  readonly timeout?: MeshDuration;
  /**
   * Retries.
   * @default 3 attempts, 2s each
   */
  readonly retries?: RetrySpec;
  /**
   * Connection limits.
   * @default the environment's defaults
   */
  readonly connectionPool?: ConnectionPoolSpec;
  /**
   * Ejection of failing endpoints.
   * @default the environment's defaults
   */
  readonly outlierDetection?: OutlierDetectionSpec;
}

/** What some callers may do: requests matching none of a service's rules are denied. */
export interface AcceptRuleSpec {
  /**
   * The callers the rule applies to, as in `calls` (`name` or `tenant/name`); each must declare this service in its
   * `calls`.
   * @default every declared caller
   */
  readonly from?: readonly string[];
  /**
   * Allowed request paths (gRPC: `/package.Service/Method`); a trailing `*` matches a prefix.
   * @default any path
   */
  readonly paths?: readonly string[];
  /**
   * Allowed HTTP methods (gRPC uses POST).
   * @default any method
   */
  readonly methods?: readonly HttpMethod[];
  /**
   * Allowed container ports.
   * @default any of the service's ports
   */
  readonly ports?: readonly PortNumber[];
}

/** An HTTP method. */
export type HttpMethod = "GET" | "HEAD" | "POST" | "PUT" | "PATCH" | "DELETE" | "OPTIONS";

/**
 * A DNS host name, e.g. `shop.example.com`; a leading `*.` is a wildcard.
 * @format hostname
 */
export type HostName = string;

/** Exposure of an edge service to the internet through the environment's ingress gateway. */
export interface IngressSpec {
  /**
   * The public host names.
   * @minItems 1
   */
  readonly hosts: readonly HostName[];
  /**
   * The path prefix routed to the service.
   * @default "/"
   */
  readonly pathPrefix?: string;
  /**
   * The service port the gateway sends requests to.
   * @default the first http, http2 or grpc port
   */
  readonly port?: PortName;
  /**
   * The TLS certificate: a Secret in the gateway's namespace, referenced by name (never inline material).
   * @default the environment's ingress certificate
   */
  readonly tlsSecretName?: Name;
}

/** The mutual-TLS mode a service asks for. The platform requires STRICT everywhere; anything else is refused. */
export type MtlsMode = "STRICT" | "PERMISSIVE" | "DISABLE";

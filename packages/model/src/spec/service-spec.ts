import type { EgressSpec } from "./egress-spec.ts";
import type { ServiceDeliverySpec } from "./delivery-spec.ts";
import type { ServiceObservabilitySpec } from "./observability-spec.ts";
import type { AcceptRuleSpec, IngressSpec, MtlsMode, RoutingSpec, TrafficSpec, VersionSpec } from "./mesh-spec.ts";
import type { SecretSpec } from "./secret-spec.ts";
import type { Name, Percent, PortName, ServiceName, PortNumber, Quantity, ReplicaCount, Resources } from "./primitives.ts";

/** The wire protocol of a port; it decides the Istio port-name prefix (`http-`, `http2-`, `grpc-`, `tcp-`). */
export type PortProtocol = "http" | "http2" | "grpc" | "tcp";

/** One port the service listens on and exposes through its Kubernetes Service. */
export interface ServicePortSpec {
  /** The port's name, unique in the service; the Service port is named `<protocol>-<name>` unless it already starts with the protocol. */
  readonly name: PortName;
  /** The port the Service exposes to callers. */
  readonly port: PortNumber;
  /**
   * The port the container listens on.
   * @default the value of `port`
   */
  readonly targetPort?: PortNumber;
  /** The protocol spoken on this port. */
  readonly protocol: PortProtocol;
}

/** A reference to one key of a Secret or ConfigMap in the tenant's namespace. */
export interface KeyRef {
  /** The Secret or ConfigMap name. */
  readonly name: Name;
  /**
   * The key in it.
   * @format config-key
   */
  readonly key: string;
}

/** One environment variable. Exactly one of `value`, `secretKeyRef`, `configMapKeyRef` or `fieldPath` is set. */
export interface EnvVarSpec {
  /**
   * The variable's name: letters, digits, `_`, `-` and `.`, not starting with a digit.
   * @format env-var-name
   */
  readonly name: string;
  /**
   * A literal value.
   * @default no literal value
   */
  readonly value?: string;
  /**
   * Take the value from a key of a Secret declared in the service's (or its tenant's) `secrets`.
   * @default no Secret reference
   */
  readonly secretKeyRef?: KeyRef;
  /**
   * Take the value from a ConfigMap key.
   * @default no ConfigMap reference
   */
  readonly configMapKeyRef?: KeyRef;
  /**
   * Take the value from a pod field, e.g. `status.podIP`.
   * @default no field reference
   */
  readonly fieldPath?: string;
}

/** An HTTP GET check. */
export interface HttpCheck {
  /** The request path, e.g. `/_healthz`. */
  readonly path: string;
  /** The port name (from `ports`) or number to call. */
  readonly port: PortName | PortNumber;
  /**
   * Headers sent with the request, by name.
   * @default no headers
   */
  readonly headers?: Readonly<Record<string, string>>;
}

/** A gRPC health check (grpc.health.v1). */
export interface GrpcCheck {
  /** The port number to call (Kubernetes requires a number for gRPC probes). */
  readonly port: PortNumber;
  /**
   * The gRPC health service name to ask for.
   * @default the server's overall health
   */
  readonly service?: string;
}

/** A TCP connect check. */
export interface TcpCheck {
  /** The port name (from `ports`) or number to connect to. */
  readonly port: PortName | PortNumber;
}

/** One probe. Exactly one of `http`, `grpc` or `tcp` is set. */
export interface ProbeSpec {
  /**
   * Probe with an HTTP GET.
   * @default not an HTTP probe
   */
  readonly http?: HttpCheck;
  /**
   * Probe with the gRPC health protocol.
   * @default not a gRPC probe
   */
  readonly grpc?: GrpcCheck;
  /**
   * Probe with a TCP connect.
   * @default not a TCP probe
   */
  readonly tcp?: TcpCheck;
  /**
   * Seconds after the container starts before the first probe.
   * @default 0
   * @minimum 0
   * @asType integer
   */
  readonly initialDelaySeconds?: number;
  /**
   * Seconds between probes.
   * @default 10
   * @minimum 1
   * @asType integer
   */
  readonly periodSeconds?: number;
  /**
   * Seconds before a probe times out.
   * @default 1
   * @minimum 1
   * @asType integer
   */
  readonly timeoutSeconds?: number;
  /**
   * Consecutive failures before the probe counts as failed.
   * @default 3
   * @minimum 1
   * @asType integer
   */
  readonly failureThreshold?: number;
}

/** The probes of the service's container. */
export interface ProbesSpec {
  /** Gates traffic: the pod receives requests only while this passes. */
  readonly readiness: ProbeSpec;
  /** Restarts the container when it fails. */
  readonly liveness: ProbeSpec;
  /**
   * Holds the other probes back until the container has started (for slow starters).
   * @default no startup probe
   */
  readonly startup?: ProbeSpec;
}

/** Horizontal autoscaling on CPU (and optionally memory) utilisation, rendered as an autoscaling/v2 HPA. */
export interface AutoscalingSpec {
  /** The fewest replicas. */
  readonly minReplicas: ReplicaCount;
  /** The most replicas. */
  readonly maxReplicas: ReplicaCount;
  /**
   * Target average CPU utilisation, as a percentage of requests.
   * @default 70
   */
  readonly cpuTargetPercent?: Percent;
  /**
   * Target average memory utilisation, as a percentage of requests.
   * @default no memory target
   */
  readonly memoryTargetPercent?: Percent;
  /**
   * Why `maxReplicas` may be less than ten times `minReplicas` in prod (the platform's 10× spike rule), e.g. a quota
   * or a downstream limit. Without a reason, prod requires maxReplicas ≥ 10 × minReplicas.
   * @default no reason (the 10× rule applies)
   */
  readonly belowTenfoldReason?: string;
  /**
   * How fast the HPA scales; the defaults absorb a 10× spike in about a minute and scale down slowly.
   * @default fast up (no stabilisation, +200 % or +10 pods per 15 s, the larger), slow down (300 s window, −10 % per 60 s)
   */
  readonly behavior?: ScalingBehaviorSpec;
}

/** The HPA's scale-up and scale-down speeds. */
export interface ScalingBehaviorSpec {
  /**
   * Seconds of recommendations considered before scaling up.
   * @default 0
   * @minimum 0
   * @maximum 3600
   * @asType integer
   */
  readonly scaleUpStabilizationSeconds?: number;
  /**
   * The most the replica count may grow per 15 seconds, as a percentage of the current count.
   * @default 200
   * @minimum 1
   * @maximum 10000
   * @asType integer
   */
  readonly scaleUpPercentPer15s?: number;
  /**
   * The most pods that may be added per 15 seconds (whichever of this and the percentage allows more wins).
   * @default 10
   * @minimum 1
   * @maximum 10000
   * @asType integer
   */
  readonly scaleUpPodsPer15s?: number;
  /**
   * Seconds of recommendations considered before scaling down.
   * @default 300
   * @minimum 0
   * @maximum 3600
   * @asType integer
   */
  readonly scaleDownStabilizationSeconds?: number;
  /**
   * The most the replica count may shrink per minute, as a percentage.
   * @default 10
   * @minimum 1
   * @maximum 100
   * @asType integer
   */
  readonly scaleDownPercentPerMinute?: number;
}

/** A Kubernetes API verb a service may use. Wildcards are not allowed. */
export type ApiVerb = "get" | "list" | "watch" | "create" | "update" | "patch" | "delete" | "deletecollection";

/** One rule of the Role a service gets for the Kubernetes API, limited to its own namespace. */
export interface ApiAccessRule {
  /**
   * The API groups, `""` for the core group. Never empty: a Role's rule needs at least one group (an empty list
   * grants nothing, and the API server refuses the rule).
   * @default [""] (the core group)
   * @minItems 1
   */
  readonly apiGroups?: readonly ApiGroupName[];
  /**
   * The resources, e.g. `pods`, `services`, `deployments`. Never `*`.
   * @minItems 1
   */
  readonly resources: readonly ApiResourceName[];
  /**
   * The verbs. Never `*`.
   * @minItems 1
   */
  readonly verbs: readonly ApiVerb[];
}

/**
 * A resource name in an RBAC rule: lowercase plural, optionally with a subresource (`pods/log`). Never `*`.
 * @format rbac-resource
 */
export type ApiResourceName = string;

/**
 * An API group in an RBAC rule: `""` for the core group, else a DNS subdomain such as `apps`. Never `*`.
 * @format api-group
 */
export type ApiGroupName = string;

/** Access to the Kubernetes API in the service's own namespace: a Role and a RoleBinding to its ServiceAccount. */
export interface ApiAccessSpec {
  /**
   * The Role's name.
   * @default "<service>-role"
   */
  readonly roleName?: Name;
  /**
   * The RoleBinding's name.
   * @default "<service>-rolebinding"
   */
  readonly roleBindingName?: Name;
  /**
   * What the service may do.
   * @minItems 1
   */
  readonly rules: readonly ApiAccessRule[];
}

/** The pod's identity and privileges; everything else is fixed to Pod Security Standards "restricted". */
export interface SecuritySpec {
  /**
   * The user the container runs as; never 0 (root) nor 1337 (reserved by the Istio proxy).
   * @default 1000
   * @minimum 1
   * @maximum 2147483647
   * @asType integer
   */
  readonly runAsUser?: number;
  /**
   * The group the container runs as.
   * @default 1000
   * @minimum 1
   * @maximum 2147483647
   * @asType integer
   */
  readonly runAsGroup?: number;
  /**
   * Add the NET_BIND_SERVICE capability (to listen on a port below 1024); the only capability restricted pods may add.
   * @default false
   */
  readonly bindLowPorts?: boolean;
  /**
   * Paths the container must write to; each gets an emptyDir, since the root filesystem is read-only.
   * @default none
   */
  readonly writablePaths?: readonly AbsolutePath[];
}

/**
 * An absolute path in the container's filesystem.
 * @format absolute-path
 */
export type AbsolutePath = string;

/**
 * A cloud region, e.g. `us-west-2`.
 * @format dns-label
 */
export type Region = string;

/** What a stateful service does in the DR cluster. */
export type DisasterRecoveryMode = "warm-standby" | "absent";

/** The image the service runs: a repository with a tag, a digest, or both (the digest wins at pull time). */
export interface ImageSpec {
  /**
   * The repository, e.g. `us-central1-docker.pkg.dev/google-samples/microservices-demo/frontend`.
   * @format image-repository
   */
  readonly repository: string;
  /**
   * The tag, e.g. `v0.10.6`. Never `latest`.
   * @default no tag (then `digest` is required)
   * @format image-tag
   */
  readonly tag?: string;
  /**
   * The content digest, `sha256:` and 64 hex digits.
   * @default no digest (then `tag` is required)
   * @format image-digest
   */
  readonly digest?: string;
}

/** Persistent storage for a stateful service: one volume claim per replica. */
export interface StorageSpec {
  /** The claim's size, e.g. `1Gi`. */
  readonly size: Quantity;
  /** Where the volume is mounted in the container. */
  readonly mountPath: AbsolutePath;
  /**
   * The storage class.
   * @default the environment cluster's `storageClass`
   */
  readonly storageClass?: Name;
}

/** What kind of workload the service is. */
export type WorkloadKind = "stateless" | "stateful";

/** A microservice, written once and rendered into every environment. */
export interface ServiceSpec {
  /** The service's name: its Deployment, Service and ServiceAccount are named after it. */
  readonly name: ServiceName;
  /** The owning team; it reviews changes to the service and its rendered files. */
  readonly team: Name;
  /** The tenant (namespace) the service runs in; a tenant defined under `tenants/`. */
  readonly tenant: Name;
  /**
   * One line saying what the service does.
   * @default no description
   */
  readonly description?: string;
  /** The container image. */
  readonly image: ImageSpec;
  /**
   * The container's name.
   * @default "server"
   */
  readonly containerName?: Name;
  /**
   * The ports the service listens on.
   * @default no ports (a worker that only calls others)
   */
  readonly ports?: readonly ServicePortSpec[];
  /**
   * Environment variables, in the order given.
   * @default no variables
   */
  readonly env?: readonly EnvVarSpec[];
  /**
   * Secrets the service reads from the environment's cloud secret manager, each rendered as an ExternalSecret in the
   * service's folder. `env[].secretKeyRef` may name only these (or the tenant's) secrets and their keys.
   * @default no secrets
   */
  readonly secrets?: readonly SecretSpec[];
  /**
   * Requests and limits of the container.
   * @default the environment's stage defaults
   */
  readonly resources?: Resources;
  /**
   * Readiness, liveness and startup probes.
   * @default no probes (later checks require them for services with ports)
   */
  readonly probes?: ProbesSpec;
  /**
   * A fixed replica count; set this or `autoscaling`, not both.
   * @default the environment's stage defaults
   */
  readonly replicas?: ReplicaCount;
  /**
   * Horizontal autoscaling, sized for production; set this or `replicas`, not both.
   * @default the environment's stage defaults
   */
  readonly autoscaling?: AutoscalingSpec;
  /**
   * Stateless services render as a Deployment; stateful ones as a StatefulSet with a headless Service and a volume
   * claim per replica (then `storage` is required).
   * @default "stateless"
   */
  readonly workload?: WorkloadKind;
  /**
   * The persistent volume of a stateful service.
   * @default no storage
   */
  readonly storage?: StorageSpec;
  /**
   * The services this one calls: `name` for one in the same tenant, `tenant/name` for another tenant's. The mesh and
   * network policies are derived from this list; an unknown callee is an error.
   * @default calls nothing
   */
  readonly calls?: readonly string[];
  /**
   * Versions running side by side (canary, A/B, blue-green): one workload each, `<service>-<version>`.
   * @default one version "v1" running `image`, in a workload named after the service
   */
  readonly versions?: readonly VersionSpec[];
  /**
   * How requests are split between versions.
   * @default weighted by each version's weight
   */
  readonly routing?: RoutingSpec;
  /**
   * How a new release reaches users: the manual weights of `versions`, or an Argo Rollouts canary or blue-green
   * judged by the service's SLO.
   * @default { strategy: "weights" }
   */
  readonly delivery?: ServiceDeliverySpec;
  /**
   * Timeout, retries and circuit breaker for calls to this service.
   * @default timeout 10s, 3 retries of 2s, the environment's circuit breaker
   */
  readonly traffic?: TrafficSpec;
  /**
   * Restrictions on what callers may do (paths such as `/hipstershop.PaymentService/Charge`, methods, ports).
   * @default every declared caller may call anything on the service's ports
   */
  readonly accepts?: readonly AcceptRuleSpec[];
  /**
   * External hosts the service calls (a payment provider's API, a mail relay): each renders a ServiceEntry visible in
   * the tenant's namespace, a Sidecar egress host and a NetworkPolicy egress rule for its port. Anything else outside
   * the mesh is unreachable (the mesh's outbound policy is REGISTRY_ONLY).
   * @default calls nothing outside the mesh
   */
  readonly egress?: readonly EgressSpec[];
  /**
   * Services of other tenants allowed to call this one (`tenant/name`). A cross-tenant call needs both sides: the
   * caller's `calls` and the callee's `exposedTo`.
   * @default no other tenant
   */
  readonly exposedTo?: readonly string[];
  /**
   * A critical path (checkout, payment): traced at 100 %, alerts page.
   * @default false
   */
  readonly critical?: boolean;
  /**
   * Objectives (p95 latency, availability) and an optional metrics endpoint: alerts, dashboard and scraping.
   * @default p95 under 100 ms, 99.9 % available; only the Istio proxy's metrics scraped
   */
  readonly observability?: ServiceObservabilitySpec;
  /**
   * Exposure through the environment's ingress gateway (an edge service).
   * @default not exposed
   */
  readonly ingress?: IngressSpec;
  /**
   * The mutual-TLS mode. Only STRICT is accepted: the field exists so that a request to relax it fails loudly.
   * @default "STRICT"
   */
  readonly mtlsMode?: MtlsMode;
  /**
   * Regions the service may run in (data residency); rendering it into a cluster elsewhere is an error (disable it
   * there with an override).
   * @default any region
   * @minItems 1
   */
  readonly allowedRegions?: readonly Region[];
  /**
   * The ServiceAccount the pods run as (their mesh identity).
   * @default the service's name
   */
  readonly serviceAccountName?: Name;
  /**
   * Access to the Kubernetes API. Without it the pods get no API token at all.
   * @default no API access
   */
  readonly apiAccess?: ApiAccessSpec;
  /**
   * The pod's user, group, capability and writable paths.
   * @default runs as 1000:1000, no added capability, nothing writable but declared storage
   */
  readonly security?: SecuritySpec;
  /**
   * For a stateful service: whether the DR cluster runs it as a warm standby (same size, empty until restored or
   * replicated) or not at all.
   * @default "warm-standby"
   */
  readonly disasterRecovery?: DisasterRecoveryMode;
  /**
   * Seconds the container sleeps in a preStop hook before it gets SIGTERM, so endpoints are removed before it stops
   * accepting connections. Needs a `sleep` binary in the image.
   * @default no preStop hook
   * @minimum 1
   * @maximum 300
   * @asType integer
   */
  readonly preStopSleepSeconds?: number;
  /**
   * Seconds the pod has to shut down gracefully.
   * @default 30
   * @minimum 1
   * @maximum 3600
   * @asType integer
   */
  readonly terminationGracePeriodSeconds?: number;
}

/** Per-environment changes to one service. Lists replace, objects merge field by field. */
export interface ServiceOverride {
  /**
   * Leave the service out of this environment entirely.
   * @default false
   */
  readonly disabled?: boolean;
  /**
   * Another image (e.g. a newer tag being promoted).
   * @default the service's image
   */
  readonly image?: Partial<ImageSpec>;
  /**
   * Other requests and limits.
   * @default the service's resources
   */
  readonly resources?: { readonly requests?: Partial<Resources["requests"]>; readonly limits?: Partial<Resources["limits"]> };
  /**
   * A fixed replica count (replaces any autoscaling).
   * @default the service's scaling
   */
  readonly replicas?: ReplicaCount;
  /**
   * Autoscaling (replaces any fixed replica count).
   * @default the service's scaling
   */
  readonly autoscaling?: Partial<AutoscalingSpec>;
  /**
   * Variables added, or replaced by name.
   * @default no change
   */
  readonly env?: readonly EnvVarSpec[];
  /**
   * Other secrets (replaces the list: e.g. another remote path in this environment).
   * @default the service's secrets
   */
  readonly secrets?: readonly SecretSpec[];
  /**
   * Other versions (replaces the list: a canary step in one environment).
   * @default the service's versions
   */
  readonly versions?: readonly VersionSpec[];
  /**
   * Other routing (replaces it: e.g. flip blue-green in one environment).
   * @default the service's routing
   */
  readonly routing?: RoutingSpec;
  /**
   * Other delivery (replaces it: e.g. manual weights in dev, a canary in staging and prod).
   * @default the service's delivery
   */
  readonly delivery?: ServiceDeliverySpec;
  /**
   * Other traffic settings (replaces them).
   * @default the service's traffic settings
   */
  readonly traffic?: TrafficSpec;
  /**
   * Other external hosts (replaces the list: e.g. a payment provider's sandbox outside prod).
   * @default the service's egress
   */
  readonly egress?: readonly EgressSpec[];
  /**
   * Other ingress settings (replaces them: each environment has its own host names).
   * @default the service's ingress
   */
  readonly ingress?: IngressSpec;
}


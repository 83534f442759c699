import { podSpecPath } from "../support/pod-spec.ts";
import { asArray, asObject, at, type PlainObject } from "../support/values.ts";

/**
 * The object as the kube-apiserver would default it (the `SetDefaults_*` functions of Kubernetes' API types that the
 * semantic rules depend on), so a field left to its default is checked as the cluster would see it: a copy of `raw`
 * with the defaults written in, or `raw` itself for a kind with nothing to default. Wrongly typed fields are left
 * alone: the schema layer reports them.
 */
export function applyDefaults(apiVersion: string, kind: string, raw: Readonly<PlainObject>): Readonly<PlainObject> {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0]! : "";
  if (DEFAULTED_KINDS.get(group)?.has(kind) !== true) return raw; // nothing to default: share the object as written
  return defaultedCopy(apiVersion, group, kind, raw);
}

/**
 * A copy of `raw` with every defaulting below applied, whatever its kind: `applyDefaults` calls it for the kinds in
 * `DEFAULTED_KINDS` only (a test checks, for every catalogued kind of the built-in groups, that it changes an object
 * exactly when its kind is listed).
 */
export function defaultedCopy(apiVersion: string, group: string, kind: string, raw: Readonly<PlainObject>): Readonly<PlainObject> {
  const object = copy(raw) as PlainObject;
  const spec = asObject(object.spec);
  const podSpec = asObject(at(object, ...(podSpecPath(apiVersion, kind) ?? ["-"])));
  if (podSpec !== undefined) defaultPodSpec(podSpec);
  if (group === "rbac.authorization.k8s.io") defaultRbacBinding(object);
  if (spec === undefined) return object;
  if (group === "networking.k8s.io" && kind === "IngressClass") defaultIngressClass(spec);
  if (group === "apps" || group === "extensions") defaultAppsWorkload(kind, spec);
  if (group === "" && kind === "Service") defaultService(spec);
  if (group === "" && kind === "LimitRange") for (const item of asArray(spec.limits)) defaultLimitRangeItem(item);
  if (group === "autoscaling" && kind === "HorizontalPodAutoscaler") setDefault(spec, "minReplicas", 1);
  if (group === "batch" && kind === "Job") defaultJob(spec);
  if (group === "batch" && kind === "CronJob") defaultCronJob(spec);
  if (group === "" && kind === "ReplicationController") defaultReplicationController(spec);
  return object;
}

const APPS_WORKLOADS: ReadonlySet<string> = new Set(["Deployment", "ReplicaSet", "StatefulSet", "DaemonSet"]);

/**
 * The kinds this defaulting changes, by group (the core group is `""`). Any other object is checked as written and
 * shared, not copied: copying every ConfigMap and Namespace was the gate's largest copy.
 */
export const DEFAULTED_KINDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ["", new Set(["Pod", "PodTemplate", "ReplicationController", "Service", "LimitRange"])],
  ["apps", APPS_WORKLOADS],
  ["extensions", APPS_WORKLOADS],
  ["batch", new Set(["Job", "CronJob"])],
  ["autoscaling", new Set(["HorizontalPodAutoscaler"])],
  ["networking.k8s.io", new Set(["IngressClass"])],
  // Every RBAC kind: the subjects and roleRef of a binding are defaulted, and of any other object that (wrongly) has them.
  ["rbac.authorization.k8s.io", new Set(["RoleBinding", "ClusterRoleBinding", "Role", "ClusterRole", "RoleBindingList", "ClusterRoleBindingList", "RoleList", "ClusterRoleList"])],
]);

/** A deep copy of JSON-like data (faster than structuredClone for parsed YAML). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== "object") return value;
  const out: PlainObject = {};
  for (const key of Object.keys(value)) out[key] = copy((value as PlainObject)[key]);
  return out;
}

/** Sets a missing field: absent, null, or (as Go's zero value of a string) an empty string where the default is a string. */
function setDefault(target: PlainObject, key: string, value: unknown): void {
  const current = target[key];
  if (current === undefined || current === null || (current === "" && typeof value === "string")) target[key] = value;
}

/** An object field, created empty when missing (not when it has another type). */
function child(target: PlainObject, key: string): PlainObject | undefined {
  if (target[key] === undefined || target[key] === null) target[key] = {};
  return asObject(target[key]);
}

function defaultAppsWorkload(kind: string, spec: PlainObject): void {
  if (kind === "Deployment") {
    setDefault(spec, "replicas", 1);
    setDefault(spec, "revisionHistoryLimit", 10);
    setDefault(spec, "progressDeadlineSeconds", 600);
    const strategy = child(spec, "strategy");
    if (strategy === undefined) return;
    setDefault(strategy, "type", "RollingUpdate");
    if (strategy.type === "RollingUpdate") {
      const rollingUpdate = child(strategy, "rollingUpdate");
      if (rollingUpdate !== undefined) {
        setDefault(rollingUpdate, "maxUnavailable", "25%");
        setDefault(rollingUpdate, "maxSurge", "25%");
      }
    }
  }
  if (kind === "StatefulSet") {
    setDefault(spec, "replicas", 1);
    setDefault(spec, "podManagementPolicy", "OrderedReady");
    setDefault(spec, "revisionHistoryLimit", 10);
    const strategy = child(spec, "updateStrategy");
    if (strategy === undefined) return;
    setDefault(strategy, "type", "RollingUpdate");
    if (strategy.type === "RollingUpdate") {
      const rollingUpdate = child(strategy, "rollingUpdate");
      if (rollingUpdate !== undefined) setDefault(rollingUpdate, "partition", 0);
    }
    // StatefulSetAutoDeletePVC (beta, on at 1.28): both policies default to Retain, empty or unset.
    const retention = asObject(spec.persistentVolumeClaimRetentionPolicy);
    if (retention !== undefined) for (const field of ["whenDeleted", "whenScaled"]) if (!retention[field]) retention[field] = "Retain";
  }
  if (kind === "DaemonSet") {
    setDefault(spec, "revisionHistoryLimit", 10);
    const strategy = child(spec, "updateStrategy");
    if (strategy === undefined) return;
    setDefault(strategy, "type", "RollingUpdate");
    if (strategy.type === "RollingUpdate") {
      const rollingUpdate = child(strategy, "rollingUpdate");
      if (rollingUpdate !== undefined) {
        setDefault(rollingUpdate, "maxUnavailable", 1);
        setDefault(rollingUpdate, "maxSurge", 0);
      }
    }
  }
  if (kind === "ReplicaSet") setDefault(spec, "replicas", 1);
}

function defaultJob(spec: PlainObject): void {
  if (spec.completions == null && spec.parallelism == null) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setDefault(spec, "parallelism", 1);
  setDefault(spec, "backoffLimit", 6);
  // A pod failure policy's onPodConditions pattern matches status True unless it says otherwise.
  for (const rule of asArray(asObject(spec.podFailurePolicy)?.rules)) {
    for (const pattern of asArray(asObject(rule)?.onPodConditions)) {
      const object = asObject(pattern);
      if (object !== undefined && !object.status) object.status = "True";
    }
  }
}

/** SetDefaults_CronJob (its job template is not defaulted as a Job: the Jobs it creates are). */
function defaultCronJob(spec: PlainObject): void {
  if (!spec.concurrencyPolicy) spec.concurrencyPolicy = "Allow";
  setDefault(spec, "suspend", false);
  setDefault(spec, "successfulJobsHistoryLimit", 3);
  setDefault(spec, "failedJobsHistoryLimit", 1);
}

/** SetDefaults_ReplicationController: an empty selector is the template's labels; one replica. */
function defaultReplicationController(spec: PlainObject): void {
  const labels = asObject(at(spec, "template", "metadata", "labels"));
  if (labels !== undefined && Object.keys(asObject(spec.selector) ?? {}).length === 0) spec.selector = { ...labels };
  setDefault(spec, "replicas", 1);
}

/** SetDefaults_Service: the type is ClusterIP even when an externalName is given (it is then ignored). */
function defaultService(spec: PlainObject): void {
  if (spec.sessionAffinity === "") delete spec.sessionAffinity;
  setDefault(spec, "sessionAffinity", "None");
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP" && typeof at(spec, "sessionAffinityConfig", "clientIP", "timeoutSeconds") !== "number") {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  if (spec.type === "") delete spec.type;
  setDefault(spec, "type", "ClusterIP");
  for (const item of asArray(spec.ports)) {
    const port = asObject(item);
    if (port === undefined) continue;
    setDefault(port, "protocol", "TCP");
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === "") port.targetPort = port.port;
  }
  const type = spec.type;
  const externallyAccessible = type === "LoadBalancer" || type === "NodePort" || (type === "ClusterIP" && asArray(spec.externalIPs).length > 0);
  if (externallyAccessible && (spec.externalTrafficPolicy === undefined || spec.externalTrafficPolicy === null || spec.externalTrafficPolicy === "")) {
    spec.externalTrafficPolicy = "Cluster";
  }
  if (type === "ClusterIP" || type === "NodePort" || type === "LoadBalancer") setDefault(spec, "internalTrafficPolicy", "Cluster");
  if (type === "LoadBalancer") setDefault(spec, "allocateLoadBalancerNodePorts", true);
}

/** SetDefaults_LimitRangeItem: a Container item's default limit falls back to max, its default request to the default limit, then to min. */
function defaultLimitRangeItem(value: unknown): void {
  const item = asObject(value);
  if (item === undefined || item.type !== "Container") return;
  const limit = child(item, "default");
  const request = child(item, "defaultRequest");
  if (limit === undefined || request === undefined) return;
  for (const [name, quantity] of Object.entries(asObject(item.max) ?? {})) setDefault(limit, name, quantity);
  for (const [name, quantity] of Object.entries(limit)) setDefault(request, name, quantity);
  for (const [name, quantity] of Object.entries(asObject(item.min) ?? {})) setDefault(request, name, quantity);
}

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;

function defaultPodSpec(spec: PlainObject): void {
  if (!spec.restartPolicy) spec.restartPolicy = "Always";
  setDefault(spec, "dnsPolicy", "ClusterFirst");
  setDefault(spec, "terminationGracePeriodSeconds", 30);
  setDefault(spec, "schedulerName", "default-scheduler");
  for (const list of ["initContainers", "containers", "ephemeralContainers"]) {
    for (const item of asArray(spec[list])) {
      const container = asObject(item);
      if (container !== undefined) defaultContainer(container);
    }
  }
}

/** `latest`, or no tag and no digest, pulls `Always`; anything else `IfNotPresent`. */
function defaultPullPolicy(image: unknown): string {
  if (typeof image !== "string") return "IfNotPresent";
  if (image.includes("@")) return "IfNotPresent";
  const lastSegment = image.slice(image.lastIndexOf("/") + 1);
  const tag = lastSegment.includes(":") ? lastSegment.slice(lastSegment.indexOf(":") + 1) : "";
  return tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
}

function defaultContainer(container: PlainObject): void {
  setDefault(container, "terminationMessagePath", "/dev/termination-log");
  setDefault(container, "terminationMessagePolicy", "File");
  setDefault(container, "imagePullPolicy", defaultPullPolicy(container.image));
  for (const item of asArray(container.ports)) {
    const port = asObject(item);
    if (port !== undefined) setDefault(port, "protocol", "TCP");
  }
  for (const name of PROBES) {
    const probe = asObject(container[name]);
    if (probe === undefined) continue;
    // SetDefaults_Probe replaces zero as well as unset values.
    for (const [field, value] of [["timeoutSeconds", 1], ["periodSeconds", 10], ["successThreshold", 1], ["failureThreshold", 3]] as const) {
      if (probe[field] === 0) delete probe[field];
      setDefault(probe, field, value);
    }
  }
  // SetDefaults_HTTPGetAction (probes and lifecycle hooks alike) replaces empty as well as unset values.
  for (const handler of [...PROBES.map((name) => container[name]), at(container, "lifecycle", "postStart"), at(container, "lifecycle", "preStop")]) {
    const httpGet = asObject(asObject(handler)?.httpGet);
    if (httpGet === undefined) continue;
    if (httpGet.path === "") delete httpGet.path;
    if (httpGet.scheme === "") delete httpGet.scheme;
    setDefault(httpGet, "path", "/");
    setDefault(httpGet, "scheme", "HTTP");
  }
  // A resource with a limit and no request is requested at its limit.
  const resources = asObject(container.resources);
  const limits = asObject(resources?.limits);
  if (resources !== undefined && limits !== undefined) {
    const requests = child(resources, "requests");
    if (requests !== undefined) for (const [name, value] of Object.entries(limits)) setDefault(requests, name, value);
  }
}

/** RBAC v1 `SetDefaults_Subject` and the bindings' roleRef: User and Group subjects and roleRef are in the RBAC group. */
function defaultRbacBinding(binding: PlainObject): void {
  const roleRef = asObject(binding.roleRef);
  if (roleRef !== undefined && (roleRef.apiGroup === undefined || roleRef.apiGroup === null || roleRef.apiGroup === "")) roleRef.apiGroup = "rbac.authorization.k8s.io";
  for (const item of asArray(binding.subjects)) {
    const subject = asObject(item);
    if (subject === undefined || (subject.apiGroup !== undefined && subject.apiGroup !== null && subject.apiGroup !== "")) continue;
    if (subject.kind === "User" || subject.kind === "Group") subject.apiGroup = "rbac.authorization.k8s.io";
  }
}

/** networking/v1 `SetDefaults_IngressClass`: a parameters reference without a scope is cluster-scoped. */
function defaultIngressClass(spec: PlainObject): void {
  const parameters = asObject(spec.parameters);
  if (parameters !== undefined) setDefault(parameters, "scope", "Cluster");
}

import { podSpecPath } from "../support/pod-spec.ts";
import { asArray, asObject, at, type PlainObject } from "../support/values.ts";

/**
 * A copy of `raw` with the kube-apiserver's defaults written in (the `SetDefaults_*` functions of Kubernetes' API
 * types that the semantic rules depend on), so a field left to its default is checked as the cluster would see it.
 * Wrongly typed fields are left alone: the schema layer reports them.
 */
export function applyDefaults(apiVersion: string, kind: string, raw: Readonly<PlainObject>): Readonly<PlainObject> {
  const group = apiVersion.includes("/") ? apiVersion.split("/")[0]! : "";
  if (!DEFAULTED_GROUPS.has(group)) return raw; // nothing to default: share the object as written
  const object = copy(raw) as PlainObject;
  const spec = asObject(object.spec);
  const podSpec = asObject(at(object, ...(podSpecPath(apiVersion, kind) ?? ["-"])));
  if (podSpec !== undefined) defaultPodSpec(podSpec);
  if (spec === undefined) return object;
  if (group === "apps" || group === "extensions") defaultAppsWorkload(kind, spec);
  if (group === "" && kind === "Service") defaultService(spec);
  if (group === "autoscaling" && kind === "HorizontalPodAutoscaler") setDefault(spec, "minReplicas", 1);
  if (group === "batch" && kind === "Job") defaultJob(spec);
  return object;
}

/** The groups whose kinds this defaulting knows (the core group is `""`). */
const DEFAULTED_GROUPS: ReadonlySet<string> = new Set(["", "apps", "extensions", "batch", "autoscaling"]);

/** A deep copy of JSON-like data (faster than structuredClone for parsed YAML). */
function copy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== "object") return value;
  const out: PlainObject = {};
  for (const key of Object.keys(value)) out[key] = copy((value as PlainObject)[key]);
  return out;
}

function setDefault(target: PlainObject, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value;
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
}

function defaultService(spec: PlainObject): void {
  setDefault(spec, "type", spec.externalName === undefined ? "ClusterIP" : "ExternalName");
  setDefault(spec, "sessionAffinity", "None");
  for (const item of asArray(spec.ports)) {
    const port = asObject(item);
    if (port === undefined) continue;
    setDefault(port, "protocol", "TCP");
    if (port.targetPort === undefined || port.targetPort === null || port.targetPort === 0 || port.targetPort === "") port.targetPort = port.port;
  }
}

const PROBES = ["livenessProbe", "readinessProbe", "startupProbe"] as const;

function defaultPodSpec(spec: PlainObject): void {
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
    setDefault(probe, "timeoutSeconds", 1);
    setDefault(probe, "periodSeconds", 10);
    setDefault(probe, "successThreshold", 1);
    setDefault(probe, "failureThreshold", 3);
    const httpGet = asObject(probe.httpGet);
    if (httpGet !== undefined) {
      setDefault(httpGet, "path", "/");
      setDefault(httpGet, "scheme", "HTTP");
    }
  }
  // A resource with a limit and no request is requested at its limit.
  const resources = asObject(container.resources);
  const limits = asObject(resources?.limits);
  if (resources !== undefined && limits !== undefined) {
    const requests = child(resources, "requests");
    if (requests !== undefined) for (const [name, value] of Object.entries(limits)) setDefault(requests, name, value);
  }
}

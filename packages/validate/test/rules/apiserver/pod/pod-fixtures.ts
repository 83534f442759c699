import { deployment, podSpec, tweak, type Json } from "../../../fixtures.ts";

/** The valid Deployment `web` with its pod spec changed by `change`. */
export function withSpec(change: (spec: Json) => void): Json {
  return deployment((d) => change(d.spec.template.spec));
}

/** The valid Deployment `web` with these pod volumes, mounted by its container as given. */
export function withVolumes(volumes: readonly object[], mounts: readonly object[] = []): Json {
  return withSpec((spec) => {
    spec.volumes = volumes;
    if (mounts.length > 0) spec.containers[0].volumeMounts = mounts;
  });
}

/** A bare Pod `web` in namespace `shop` with the valid pod spec changed by `change`. */
export function pod(change?: (spec: Json) => void): Json {
  return tweak({ apiVersion: "v1", kind: "Pod", metadata: { name: "web", namespace: "shop" }, spec: podSpec() }, (p) => change?.(p.spec));
}

/** A DaemonSet `agent` in namespace `shop` with the valid pod spec changed by `change`. */
export function daemonSet(change?: (spec: Json) => void): Json {
  return tweak(
    {
      apiVersion: "apps/v1",
      kind: "DaemonSet",
      metadata: { name: "agent", namespace: "shop" },
      spec: { selector: { matchLabels: { app: "agent" } }, template: { metadata: { labels: { app: "agent" } }, spec: podSpec() } },
    },
    (d) => change?.(d.spec.template.spec),
  );
}

/** A CronJob `report` in namespace `shop` with the valid pod spec (restartPolicy OnFailure) changed by `change`. */
export function cronJob(change?: (spec: Json) => void): Json {
  return tweak(
    {
      apiVersion: "batch/v1",
      kind: "CronJob",
      metadata: { name: "report", namespace: "shop" },
      spec: { schedule: "0 * * * *", jobTemplate: { spec: { template: { spec: { ...podSpec(), restartPolicy: "OnFailure" } } } } },
    },
    (c) => change?.(c.spec.jobTemplate.spec.template.spec),
  );
}

/** The path prefix of the Deployment's pod spec in expected messages. */
export const SPEC = "spec.template.spec";

/** The apiserver's message bodies that tests repeat. */
export const QNAME_NAME_PART =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
export const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
export const DNS_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const DNS_SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

/** Pod specs as real charts and injectors write them; no pod rule may flag them. */
export const REAL_WORLD: readonly Json[] = [
  // prometheus-node-exporter's DaemonSet.
  daemonSet((s) => {
    Object.assign(s, {
      hostNetwork: true,
      hostPID: true,
      priorityClassName: "system-node-critical",
      nodeSelector: { "kubernetes.io/os": "linux" },
      tolerations: [{ effect: "NoSchedule", operator: "Exists" }],
      securityContext: { fsGroup: 65534, runAsGroup: 65534, runAsNonRoot: true, runAsUser: 65534 },
      volumes: [
        { name: "proc", hostPath: { path: "/proc" } },
        { name: "sys", hostPath: { path: "/sys" } },
        { name: "root", hostPath: { path: "/" } },
      ],
      containers: [
        {
          name: "node-exporter",
          image: "quay.io/prometheus/node-exporter:v1.7.0",
          args: ["--path.procfs=/host/proc", "--path.sysfs=/host/sys", "--path.rootfs=/host/root"],
          ports: [{ name: "metrics", containerPort: 9100, hostPort: 9100, protocol: "TCP" }],
          volumeMounts: [
            { name: "proc", mountPath: "/host/proc", readOnly: true },
            { name: "sys", mountPath: "/host/sys", readOnly: true },
            { name: "root", mountPath: "/host/root", mountPropagation: "HostToContainer", readOnly: true },
          ],
        },
      ],
    });
  }),
  // A Deployment after Istio's sidecar injection.
  withSpec((s) => {
    s.securityContext.fsGroup = 1337;
    s.volumes = [
      { name: "workload-socket", emptyDir: {} },
      { name: "credential-socket", emptyDir: {} },
      { name: "workload-certs", emptyDir: {} },
      { name: "istio-envoy", emptyDir: { medium: "Memory" } },
      { name: "istio-data", emptyDir: {} },
      { name: "istio-podinfo", downwardAPI: { items: [{ path: "labels", fieldRef: { fieldPath: "metadata.labels" } }, { path: "annotations", fieldRef: { fieldPath: "metadata.annotations" } }] } },
      { name: "istio-token", projected: { sources: [{ serviceAccountToken: { audience: "istio-ca", expirationSeconds: 43200, path: "istio-token" } }] } },
      { name: "istiod-ca-cert", configMap: { name: "istio-ca-root-cert" } },
    ];
    s.containers.push({
      name: "istio-proxy",
      image: "docker.io/istio/proxyv2:1.20.3",
      ports: [{ containerPort: 15090, name: "http-envoy-prom", protocol: "TCP" }],
      volumeMounts: [
        { mountPath: "/var/run/secrets/workload-spiffe-uds", name: "workload-socket" },
        { mountPath: "/var/run/secrets/credential-uds", name: "credential-socket" },
        { mountPath: "/var/run/secrets/workload-spiffe-credentials", name: "workload-certs" },
        { mountPath: "/var/run/secrets/istio", name: "istiod-ca-cert" },
        { mountPath: "/var/lib/istio/data", name: "istio-data" },
        { mountPath: "/etc/istio/proxy", name: "istio-envoy" },
        { mountPath: "/var/run/secrets/tokens", name: "istio-token" },
        { mountPath: "/etc/istio/pod", name: "istio-podinfo" },
      ],
      securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, privileged: false, readOnlyRootFilesystem: true, runAsGroup: 1337, runAsNonRoot: true, runAsUser: 1337 },
    });
    s.initContainers = [
      {
        name: "istio-init",
        image: "docker.io/istio/proxyv2:1.20.3",
        args: ["istio-iptables", "-p", "15001"],
        securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ["NET_ADMIN", "NET_RAW"], drop: ["ALL"] }, privileged: false, readOnlyRootFilesystem: false, runAsGroup: 0, runAsNonRoot: false, runAsUser: 0 },
      },
    ];
  }),
  // A scheduling-heavy Deployment: affinity, spread, DNS tuning, host aliases, gates, a scratch claim.
  withSpec((s) => {
    Object.assign(s, {
      terminationGracePeriodSeconds: 60,
      dnsConfig: { options: [{ name: "ndots", value: "2" }, { name: "single-request-reopen" }] },
      hostAliases: [{ ip: "10.1.2.3", hostnames: ["legacy.internal"] }],
      readinessGates: [{ conditionType: "target-health.elbv2.k8s.aws/k8s-shop-web" }],
      affinity: {
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/arch", operator: "In", values: ["amd64", "arm64"] }] }] } },
        podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: { labelSelector: { matchLabels: { "app.kubernetes.io/name": "web" } }, topologyKey: "kubernetes.io/hostname" } }] },
      },
      topologySpreadConstraints: [
        { maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway", labelSelector: { matchLabels: { "app.kubernetes.io/name": "web" } }, matchLabelKeys: ["pod-template-hash"] },
      ],
      tolerations: [{ key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute", tolerationSeconds: 30 }],
      volumes: [{ name: "scratch", ephemeral: { volumeClaimTemplate: { metadata: { labels: { type: "scratch" } }, spec: { accessModes: ["ReadWriteOnce"], storageClassName: "gp3", resources: { requests: { storage: "10Gi" } } } } } }],
    });
    s.containers[0].volumeMounts = [{ name: "scratch", mountPath: "/scratch" }];
  }),
  // A CronJob with a deadline.
  cronJob((s) => {
    s.activeDeadlineSeconds = 900;
    s.volumes = [{ name: "out", emptyDir: { sizeLimit: "1Gi" } }];
    s.containers[0].volumeMounts = [{ name: "out", mountPath: "/out" }];
  }),
];

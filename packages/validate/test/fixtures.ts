import { stringify } from "yaml";

/** A plain object to tweak in a test. */
export type Json = Record<string, any>;

/** A copy of `base` changed by `change`. */
export function tweak<T extends Json>(base: T, change?: (copy: T) => void): T {
  const copy = structuredClone(base);
  change?.(copy);
  return copy;
}

/** Objects as one multi-document YAML file. */
export function yamlOf(...objects: readonly unknown[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join("---\n");
}

const labels = { app: "web", "app.kubernetes.io/name": "web", version: "v1" };

/** A container that passes every rule, policy included. */
export function container(name = "web"): Json {
  return {
    name,
    image: "registry.example/shop/web:1.2.3",
    ports: [{ name: "http", containerPort: 8080 }],
    env: [{ name: "PORT", value: "8080" }],
    resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
    readinessProbe: { httpGet: { path: "/healthz", port: "http" } },
    livenessProbe: { httpGet: { path: "/healthz", port: 8080 } },
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] }, readOnlyRootFilesystem: true },
  };
}

/** A pod spec that passes every rule. */
export function podSpec(): Json {
  return {
    serviceAccountName: "web",
    securityContext: { runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: "RuntimeDefault" } },
    containers: [container()],
  };
}

/** A Deployment `web` in namespace `shop` that passes every rule. */
export function deployment(change?: (d: Json) => void): Json {
  return tweak(
    {
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name: "web", namespace: "shop", labels: { ...labels } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { "app.kubernetes.io/name": "web", version: "v1" } },
        template: { metadata: { labels: { ...labels } }, spec: podSpec() },
      },
    },
    change,
  );
}

/** A StatefulSet `db` with a volume claim template `data`. */
export function statefulSet(change?: (d: Json) => void): Json {
  return tweak(
    {
      apiVersion: "apps/v1",
      kind: "StatefulSet",
      metadata: { name: "db", namespace: "shop" },
      spec: {
        serviceName: "db",
        selector: { matchLabels: { app: "db" } },
        template: {
          metadata: { labels: { app: "db" } },
          spec: { ...podSpec(), containers: [{ ...container("db"), volumeMounts: [{ name: "data", mountPath: "/data" }] }] },
        },
        volumeClaimTemplates: [{ metadata: { name: "data" }, spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } } }],
      },
    },
    change,
  );
}

/** A Service `web` in namespace `shop` selecting the Deployment's pods. */
export function service(change?: (s: Json) => void): Json {
  return tweak(
    {
      apiVersion: "v1",
      kind: "Service",
      metadata: { name: "web", namespace: "shop" },
      spec: { selector: { "app.kubernetes.io/name": "web" }, ports: [{ name: "http", port: 80, targetPort: 8080 }] },
    },
    change,
  );
}

/** The ServiceAccount `web` in namespace `shop`. */
export function serviceAccount(name = "web", namespace = "shop"): Json {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name, namespace } };
}

/** A DestinationRule for `web` with subset `v1`. */
export function destinationRule(change?: (d: Json) => void): Json {
  return tweak(
    {
      apiVersion: "networking.istio.io/v1beta1",
      kind: "DestinationRule",
      metadata: { name: "web", namespace: "shop" },
      spec: { host: "web.shop.svc.cluster.local", subsets: [{ name: "v1", labels: { version: "v1" } }], trafficPolicy: { tls: { mode: "ISTIO_MUTUAL" } } },
    },
    change,
  );
}

/** A VirtualService for `web` routing to subset `v1`. */
export function virtualService(change?: (v: Json) => void): Json {
  return tweak(
    {
      apiVersion: "networking.istio.io/v1beta1",
      kind: "VirtualService",
      metadata: { name: "web", namespace: "shop" },
      spec: { hosts: ["web.shop.svc.cluster.local"], http: [{ route: [{ destination: { host: "web.shop.svc.cluster.local", subset: "v1" } }] }] },
    },
    change,
  );
}

/** An HPA scaling the Deployment `web`. */
export function hpa(change?: (h: Json) => void): Json {
  return tweak(
    {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: { name: "web", namespace: "shop" },
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } }],
      },
    },
    change,
  );
}

/** A PDB for the Deployment `web`. */
export function pdb(change?: (p: Json) => void): Json {
  return tweak(
    {
      apiVersion: "policy/v1",
      kind: "PodDisruptionBudget",
      metadata: { name: "web", namespace: "shop" },
      spec: { maxUnavailable: 1, selector: { matchLabels: { "app.kubernetes.io/name": "web" } } },
    },
    change,
  );
}

/** An Argo Rollouts canary `web` in namespace `shop`: Istio weights on the VirtualService `web`'s route `default`. */
export function rollout(change?: (r: Json) => void): Json {
  return tweak(
    {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "Rollout",
      metadata: { name: "web", namespace: "shop", labels: { ...labels } },
      spec: {
        selector: { matchLabels: { "app.kubernetes.io/name": "web", version: "v1" } },
        template: { metadata: { labels: { ...labels } }, spec: podSpec() },
        strategy: {
          canary: {
            trafficRouting: {
              istio: {
                virtualServices: [{ name: "web", routes: ["default"] }],
                destinationRule: { name: "web", canarySubsetName: "canary", stableSubsetName: "stable" },
              },
            },
            steps: [{ setWeight: 10 }, { pause: { duration: "5m" } }, { setWeight: 100 }],
            analysis: { templates: [{ templateName: "web-slo" }], args: [{ name: "revision", value: "1.2.3" }], startingStep: 1 },
          },
        },
      },
    },
    change,
  );
}

/** The VirtualService `web` with the two-destination route `default` a canary Rollout shifts. */
export function canaryVirtualService(change?: (v: Json) => void): Json {
  const host = "web.shop.svc.cluster.local";
  return virtualService((v) => {
    v.spec.http = [{ name: "default", route: [{ destination: { host, subset: "stable" }, weight: 100 }, { destination: { host, subset: "canary" }, weight: 0 }] }];
    change?.(v);
  });
}

/** The DestinationRule `web` with the `stable` and `canary` subsets of a canary Rollout. */
export function canaryDestinationRule(change?: (d: Json) => void): Json {
  return destinationRule((d) => {
    d.spec.subsets = [{ name: "stable", labels: { version: "v1" } }, { name: "canary", labels: { version: "v1" } }];
    change?.(d);
  });
}

/** The AnalysisTemplate `web-slo` (argument `revision`) a Rollout's analysis names. */
export function analysisTemplate(change?: (t: Json) => void): Json {
  return tweak(
    {
      apiVersion: "argoproj.io/v1alpha1",
      kind: "AnalysisTemplate",
      metadata: { name: "web-slo", namespace: "shop" },
      spec: {
        args: [{ name: "revision" }],
        metrics: [
          {
            name: "error-ratio",
            interval: "1m",
            successCondition: "len(result) > 0 && result[0] < 0.0144",
            failureCondition: "len(result) > 0 && result[0] >= 0.0144",
            provider: { prometheus: { address: "http://prometheus.monitoring:9090", query: 'sum(rate(istio_requests_total{destination_canonical_revision="{{args.revision}}"}[2m]))' } },
          },
        ],
      },
    },
    change,
  );
}

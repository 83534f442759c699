import { RESERVED_TENANT_NAMES, type EnvironmentSpec } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import { addonNamespaces, addonsFor, buildLogRetentionCronJob, CONFIG_CONNECTOR_NAMESPACE, ISTIO_CHART_VERSIONS, logRetentionDays, MESH_ID } from "../../src/index.ts";
import { ARGOCD_NAMESPACE, FLUX_NAMESPACE } from "../../src/delivery/paths.ts";
import { fixtureEnvironments, fixturePlatform, modelOf } from "../fixtures.ts";

const dev = modelOf("dev").environment;
const staging = modelOf("staging").environment;
const primary = modelOf("prod-us-west-2").environment;
const dr = modelOf("prod-us-east-1").environment;

/** An environment of the fixture with changes to its spec. */
function changed(name: string, changes: Partial<EnvironmentSpec>) {
  const environments = fixtureEnvironments().map((e) => (e.spec.name === name ? { ...e, spec: { ...e.spec, ...changes } } : e));
  return modelOf(name, fixturePlatform({ environments })).environment;
}

const valuesOf = (environment: typeof dev, name: string) => addonsFor(environment).find((a) => a.name === name)!.values as Record<string, any>;

describe("addonsFor", () => {
  it("installs, in order, the Gateway API CRDs, Istio (base, CNI, istiod), External Secrets, cert-manager, Prometheus, Jaeger, Fluent Bit and Argo Rollouts in a single cluster", () => {
    expect(addonsFor(dev).map((a) => [a.name, a.namespace, a.wave])).toEqual([
      ["gateway-api-crds", "kube-system", -5],
      ["istio-base", "istio-system", -5],
      ["istio-cni", "kube-system", -4],
      ["istiod", "istio-system", -4],
      ["external-secrets", "external-secrets", -4],
      ["cert-manager", "cert-manager", -4],
      ["kube-prometheus-stack", "monitoring", -3],
      ["jaeger", "tracing", -3],
      ["fluent-bit", "logging", -3],
      ["argo-rollouts", "argo-rollouts", -3],
    ]);
  });

  it("adds the east-west gateway in a cluster with peers, and the Istio ingress gateway in istio mode", () => {
    expect(addonsFor(primary).map((a) => a.name)).toEqual([
      "gateway-api-crds",
      "istio-base",
      "istio-cni",
      "istiod",
      "external-secrets",
      "cert-manager",
      "istio-eastwestgateway",
      "kube-prometheus-stack",
      "jaeger",
      "fluent-bit",
      "argo-rollouts",
      "velero",
    ]);
    expect(addonsFor(dr).map((a) => a.name)).toEqual(addonsFor(primary).map((a) => a.name));
    const istio = changed("dev", { mesh: { ingress: { mode: "istio" } } });
    expect(addonsFor(istio).find((a) => a.name === "istio-ingressgateway")).toMatchObject({ namespace: "istio-ingress", wave: -3, dependsOn: ["istiod"] });
  });

  it("pins every source: an exact chart version or a Git tag, never a range or a branch", () => {
    for (const environment of [dev, staging, primary, dr]) {
      for (const { name, source } of addonsFor(environment)) {
        // Exact chart versions; cert-manager's charts are versioned with a leading `v` (`v1.14.5`).
        if (source.kind === "helm") expect(source.version, name).toMatch(/^v?\d+\.\d+\.\d+$/);
        else expect(source.revision, name).toMatch(/^v\d+\.\d+\.\d+$/);
      }
    }
  });

  it("pins the Istio charts to the patch release of the environment's Istio minor version", () => {
    expect(ISTIO_CHART_VERSIONS["1.20"]).toBe("1.20.8");
    const istioVersions = (environment: typeof dev) =>
      [...new Set(addonsFor(environment).flatMap((a) => (a.source.kind === "helm" && a.source.repoName === "istio" ? [a.source.version] : [])))];
    expect(istioVersions(dev)).toEqual(["1.20.8"]);
    expect(istioVersions(changed("dev", { versions: { istio: "1.22" } }))).toEqual(["1.22.8"]);
    expect(istioVersions(changed("dev", { versions: { istio: "1.25" } }))).toEqual(["1.25.0"]);
  });

  it("joins every cluster to one mesh, naming its cluster and network in istiod's values", () => {
    expect(valuesOf(primary, "istiod").global).toEqual({ meshID: MESH_ID, multiCluster: { clusterName: "prod-us-west-2" }, network: "network-us-west-2" });
    expect(valuesOf(dr, "istiod").global).toEqual({ meshID: "cloud-lab-mesh", multiCluster: { clusterName: "prod-us-east-1" }, network: "network-us-east-1" });
    expect(valuesOf(dev, "istiod").global).toEqual({ meshID: "cloud-lab-mesh", multiCluster: { clusterName: "dev-us-west-2" }, network: "network-us-west-2" });
    expect(valuesOf(dev, "istiod").istio_cni).toEqual({ enabled: true });
  });

  it("makes only registered hosts reachable (REGISTRY_ONLY) and gives TCP ServiceEntries addresses of their own, in every environment", () => {
    for (const environment of [dev, primary, dr]) {
      const mesh = valuesOf(environment, "istiod").meshConfig;
      expect(mesh.outboundTrafficPolicy).toEqual({ mode: "REGISTRY_ONLY" });
      expect(mesh.defaultConfig.proxyMetadata).toEqual({ ISTIO_META_DNS_AUTO_ALLOCATE: "true", ISTIO_META_DNS_CAPTURE: "true" });
    }
  });

  it("labels the east-west gateway with its cluster's network and exposes the cross-network ports", () => {
    expect(valuesOf(dr, "istio-eastwestgateway")).toEqual({
      name: "istio-eastwestgateway",
      labels: { istio: "eastwestgateway", app: "istio-eastwestgateway", "topology.istio.io/network": "network-us-east-1" },
      env: { ISTIO_META_REQUESTED_NETWORK_VIEW: "network-us-east-1" },
      service: {
        ports: [
          { name: "status-port", port: 15021, targetPort: 15021 },
          { name: "tls", port: 15443, targetPort: 15443 },
          { name: "tls-istiod", port: 15012, targetPort: 15012 },
          { name: "tls-webhook", port: 15017, targetPort: 15017 },
        ],
      },
    });
  });

  it("sizes istiod and Prometheus by stage, and keeps metrics 15 days in prod, 3 elsewhere", () => {
    expect(valuesOf(dev, "istiod").pilot).toEqual({ autoscaleMin: 1, resources: { requests: { cpu: "100m", memory: "256Mi" } } });
    expect(valuesOf(primary, "istiod").pilot).toEqual({ autoscaleMin: 2, autoscaleMax: 5, resources: { requests: { cpu: "500m", memory: "2Gi" } } });
    const prometheus = (environment: typeof dev) => valuesOf(environment, "kube-prometheus-stack").prometheus.prometheusSpec;
    expect([prometheus(dev).retention, prometheus(staging).retention, prometheus(primary).retention, prometheus(dr).retention]).toEqual(["3d", "3d", "15d", "15d"]);
    expect(prometheus(primary).resources).toEqual({ requests: { cpu: "2", memory: "8Gi" } });
  });

  it("keeps traces 7 days in every environment by default", () => {
    for (const environment of [dev, staging, primary, dr]) {
      expect(valuesOf(environment, "jaeger").esIndexCleaner, environment.name).toEqual({ enabled: true, numberOfDays: 7, schedule: "55 23 * * *" });
    }
  });

  it("keeps traces as long as the environment's observability.traceRetentionDays says", () => {
    const environment = changed("staging", { observability: { traceRetentionDays: 14 } });
    expect(valuesOf(environment, "jaeger").esIndexCleaner.numberOfDays).toBe(14);
  });
});

describe("log retention", () => {
  it("is 90 days in prod and 30 in dev and staging by default", () => {
    expect([dev, staging, primary, dr].map(logRetentionDays)).toEqual([30, 30, 90, 90]);
  });

  it("is the environment's observability.logRetentionDays when it sets one", () => {
    const environment = changed("prod-us-west-2", { observability: { logRetentionDays: 365 } });
    expect(logRetentionDays(environment)).toBe(365);
    const container = buildLogRetentionCronJob(environment).spec!.jobTemplate.spec!.template.spec!.containers[0]!;
    expect(container.env).toEqual([{ name: "RETENTION_DAYS", value: "365" }]);
    expect(container.command![2]).toContain("- 365 * 86400");
  });

  it("runs daily in logging, deleting the log indices older than the retention", () => {
    const job = buildLogRetentionCronJob(primary);
    expect(job.metadata).toMatchObject({ name: "log-retention", namespace: "logging" });
    expect(job.spec!.schedule).toBe("15 1 * * *");
    const container = job.spec!.jobTemplate.spec!.template.spec!.containers[0]!;
    expect(container.env).toEqual([{ name: "RETENTION_DAYS", value: "90" }]);
    expect(container.command![2]).toContain("- 90 * 86400");
    expect(buildLogRetentionCronJob(dev).spec!.jobTemplate.spec!.template.spec!.containers[0]!.command![2]).toContain("- 30 * 86400");
  });
});

describe("addonNamespaces", () => {
  it("is every namespace an add-on installs into but kube-system, sorted", () => {
    expect(addonNamespaces(dev)).toEqual(["argo-rollouts", "cert-manager", "external-secrets", "istio-system", "logging", "monitoring", "tracing"]);
    expect(addonNamespaces(primary)).toEqual(["argo-rollouts", "cert-manager", "external-secrets", "istio-system", "logging", "monitoring", "tracing", "velero"]);
    expect(addonNamespaces(changed("dev", { mesh: { ingress: { mode: "istio", namespace: "edge" } } }))).toEqual([
      "argo-rollouts",
      "cert-manager",
      "edge",
      "external-secrets",
      "istio-system",
      "logging",
      "monitoring",
      "tracing",
    ]);
  });
});

describe("the names tenants may not take (the model's RESERVED_TENANT_NAMES, tenant/reserved-name)", () => {
  it("hold every add-on's name and namespace in every kind of environment, and the delivery and infra namespaces", () => {
    const environments = [dev, staging, primary, dr, changed("prod-us-west-2", { mesh: { ingress: { mode: "istio" } } }), changed("dev", { delivery: { flux: true } })];
    const used = new Set([
      // The ingress gateway's namespace is the environment's to choose: environments/ingress-namespace keeps tenants out of it.
      ...environments.flatMap((environment) =>
        addonsFor(environment)
          .flatMap((addon) => [addon.name, addon.namespace])
          .filter((name) => name !== environment.mesh.ingress.namespace),
      ),
      ARGOCD_NAMESPACE,
      FLUX_NAMESPACE,
      CONFIG_CONNECTOR_NAMESPACE,
    ]);
    expect([...used].filter((name) => !Object.hasOwn(RESERVED_TENANT_NAMES, name)).sort()).toEqual([]);
  });
});

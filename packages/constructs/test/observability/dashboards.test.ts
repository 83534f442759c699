import type { ResolvedService } from "@cloudlab/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildDashboardConfigMap,
  canonicalJson,
  clusterOverviewDashboard,
  dashboardModel,
  dashboardUid,
  istioMeshDashboard,
  promqlProblems,
  serviceDashboard,
  type Dashboard,
} from "../../src/index.ts";
import { cacheSpec, checkoutSpec, workerSpec } from "../fixtures.ts";
import { edgeWebSpec, observedModel } from "./observability-fixtures.ts";

type PanelJson = { id: number; title: string; type: string; gridPos: { x: number; y: number }; targets: { refId: string; expr: string; legendFormat: string }[] };
type DashboardJson = { uid: string; title: string; panels: PanelJson[] };

function service(name: string, environment = "prod-us-west-2"): ResolvedService {
  return observedModel(environment, undefined, [checkoutSpec({ observability: { slo: { latencyP95Milliseconds: 300 } } })]).services.find((s) => s.name === name)!;
}

/** The dashboard as Grafana reads it from the ConfigMap: parsed back from the JSON text. */
function loaded(dashboard: Dashboard): DashboardJson {
  const map = buildDashboardConfigMap({ name: "d", namespace: "monitoring", labels: {}, folder: "f", dashboard });
  const [key, text] = Object.entries(map.data!)[0]!;
  expect(key).toBe(`${dashboard.uid}.json`);
  return JSON.parse(text) as DashboardJson;
}

const titlesAndQueries = (json: DashboardJson) => json.panels.map((p) => [p.title, p.targets.map((t) => t.expr)] as const);

describe("the source document's dashboards", () => {
  it("Kubernetes Cluster Overview: cluster CPU usage and pod status distribution", () => {
    const json = loaded(clusterOverviewDashboard());
    expect(json.title).toBe("Kubernetes Cluster Overview");
    expect(titlesAndQueries(json)).toEqual([
      ["Cluster CPU Usage", ['sum(rate(container_cpu_usage_seconds_total{container!="",image!=""}[5m])) / sum(kube_node_status_allocatable{resource="cpu"})']],
      ["Pod Status Distribution", ["sum by (phase) (kube_pod_status_phase)"]],
    ]);
    expect(json.panels.map((p) => p.type)).toEqual(["timeseries", "piechart"]);
  });

  it("Istio Service Mesh Metrics: request rate and p95 response time", () => {
    const json = loaded(istioMeshDashboard());
    expect(json.title).toBe("Istio Service Mesh Metrics");
    expect(titlesAndQueries(json)).toEqual([
      ["Request Rate", ['sum by (destination_service_namespace, destination_service_name) (rate(istio_requests_total{reporter="destination"}[5m]))']],
      [
        "Response Time (95th percentile)",
        [
          'histogram_quantile(0.95, sum by (le, destination_service_namespace, destination_service_name) (rate(istio_request_duration_milliseconds_bucket{reporter="destination"}[5m])))',
        ],
      ],
    ]);
  });
});

describe("serviceDashboard", () => {
  it("shows RED (rate, errors, p50/p95/p99 duration against the objective), saturation and the HPA's replicas", () => {
    const json = loaded(serviceDashboard(service("checkout")));
    expect(json.title).toBe("shop / checkout");
    expect(json.uid).toBe("shop-checkout");
    expect(json.panels.map((p) => `${p.title}: ${p.targets.map((t) => t.legendFormat).join(", ")}`)).toEqual([
      "Request rate: requests/s",
      "Error ratio: errors",
      "Request duration: p50, p95, p99",
      "CPU of requests: cpu",
      "Memory of requests: memory",
      "HPA replicas: current, desired, min, max",
    ]);
    const duration = json.panels[2]!.targets.map((t) => t.expr);
    for (const [i, q] of ["0.5", "0.95", "0.99"].entries()) {
      expect(duration[i]).toMatch(new RegExp(`^histogram_quantile\\(${q}, sum by \\(le\\) \\(rate\\(istio_request_duration_milliseconds_bucket\\{`));
      expect(duration[i]).toContain('destination_service_name="checkout"');
    }
    const model = dashboardModel(serviceDashboard(service("checkout"))) as { panels: { fieldConfig: { defaults: { thresholds?: { steps: { value?: number }[] } } } }[] };
    expect(model.panels[2]!.fieldConfig.defaults.thresholds!.steps.map((s) => s.value)).toEqual([undefined, 300]);
    expect(model.panels[0]!.fieldConfig.defaults.thresholds).toBeUndefined();
    expect(json.panels[3]!.targets[0]!.expr).toContain('kube_pod_container_resource_requests{namespace="shop",pod=~"(checkout)-[a-z0-9]+-[a-z0-9]+",container="server",resource="cpu"}');
  });

  it("leaves out the request panels of a service the proxy measures no requests of, and shows ready replicas when not autoscaled", () => {
    const cache = observedModel("prod-us-west-2").services.find((s) => s.name === "cache")!;
    expect(loaded(serviceDashboard(cache)).panels.map((p) => p.title)).toEqual(["CPU of requests", "Memory of requests", "Replicas"]);
    expect(loaded(serviceDashboard(cache)).panels[2]!.targets.map((t) => t.expr)).toEqual([
      'sum(kube_statefulset_status_replicas_ready{namespace="shop",statefulset=~"cache"})',
      'sum(kube_statefulset_replicas{namespace="shop",statefulset=~"cache"})',
    ]);
    const worker = observedModel("prod-us-west-2", undefined, [workerSpec()]).services.find((s) => s.name === "mailer")!;
    expect(loaded(serviceDashboard(worker)).panels[2]!.targets[0]!.expr).toBe('sum(kube_deployment_status_replicas_available{namespace="shop",deployment=~"mailer"})');
  });

  it("writes only expressions that parse and use emitted metrics", () => {
    const model = observedModel("prod-us-west-2", undefined, [cacheSpec(), edgeWebSpec()]);
    const dashboards = [clusterOverviewDashboard(), istioMeshDashboard(), ...model.services.map(serviceDashboard)];
    for (const dashboard of dashboards) {
      for (const panel of loaded(dashboard).panels) for (const target of panel.targets) expect(promqlProblems(target.expr), `${dashboard.uid} ${panel.title}`).toEqual([]);
    }
  });
});

describe("dashboard JSON", () => {
  it("canonicalJson is JSON.stringify with every object's keys sorted and undefined members left out, for any value", () => {
    // The definition, written with entries: what canonicalJson replaced.
    const reference = (value: unknown): string => {
      const sort = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(sort);
        if (v !== null && typeof v === "object") {
          return Object.fromEntries(
            Object.entries(v)
              .filter(([, inner]) => inner !== undefined)
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([k, inner]) => [k, sort(inner)]),
          );
        }
        return v;
      };
      return `${JSON.stringify(sort(value), null, 2)}\n`;
    };
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("__proto__", "0", "10", "2", "b", "a", "B"));
    const value = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, fc.jsonValue({ maxDepth: 0 }), fc.constant(undefined), fc.array(tie("value"), { maxLength: 3 }), fc.dictionary(key, tie("value"), { maxKeys: 5 })),
    })).value;
    fc.assert(fc.property(fc.dictionary(key, value, { maxKeys: 6 }), (object) => canonicalJson(object) === reference(object)), { numRuns: 3000 });
  });

  it("is deterministic: sorted keys, panel ids and positions from their order, no timestamps, no dashboard id", () => {
    const text = canonicalJson(dashboardModel(serviceDashboard(service("checkout"))));
    expect(text).toBe(canonicalJson(dashboardModel(serviceDashboard(service("checkout")))));
    expect(text.endsWith("}\n")).toBe(true);
    const json = JSON.parse(text) as DashboardJson & Record<string, unknown>;
    expect(Object.keys(json)).toEqual([...Object.keys(json)].sort());
    expect(json).not.toHaveProperty("id");
    expect(text).not.toMatch(/"(created|updated|timestamp)"/);
    expect(text).not.toMatch(/\bnull\b/);
    expect(json.panels.map((p) => [p.id, p.gridPos.x, p.gridPos.y])).toEqual([
      [1, 0, 0],
      [2, 12, 0],
      [3, 0, 8],
      [4, 12, 8],
      [5, 0, 16],
      [6, 12, 16],
    ]);
    expect(json.panels[2]!.targets.map((t) => t.refId)).toEqual(["A", "B", "C"]);
  });

  it("sorts keys at every depth and drops undefined ones", () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: undefined, x: null }], c: "" } })).toBe(
      '{\n  "a": {\n    "c": "",\n    "d": [\n      {\n        "x": null,\n        "z": 1\n      }\n    ]\n  },\n  "b": 1\n}\n',
    );
  });

  it("keeps uids within Grafana's 40 characters, stable and distinct", () => {
    expect(dashboardUid("shop-checkout")).toBe("shop-checkout");
    const long = dashboardUid(`${"a".repeat(30)}-${"b".repeat(30)}`);
    expect(long.length).toBeLessThanOrEqual(40);
    expect(long).toMatch(/^a{30}-[0-9a-f]{8}$/);
    expect(dashboardUid("c".repeat(50))).toMatch(/^c{31}-[0-9a-f]{8}$/);
    expect(long).toBe(dashboardUid(`${"a".repeat(30)}-${"b".repeat(30)}`));
    expect(long).not.toBe(dashboardUid(`${"a".repeat(30)}-${"b".repeat(29)}c`));
  });

  it("is a ConfigMap the Grafana sidecar loads into the named folder", () => {
    const map = buildDashboardConfigMap({ name: "grafana-dashboard-x", namespace: "shop", labels: { team: "t" }, folder: "shop", dashboard: istioMeshDashboard() });
    expect(map.metadata).toEqual({ name: "grafana-dashboard-x", namespace: "shop", labels: { team: "t", grafana_dashboard: "1" }, annotations: { grafana_folder: "shop" } });
    expect(() => map.validate()).not.toThrow();
  });
});

import { createHash } from "node:crypto";
import { sortCodeUnits } from "@cloudlab/model";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { GRAFANA_DASHBOARD_LABEL, GRAFANA_FOLDER_ANNOTATION } from "./monitoring-names.ts";

/** One query of a panel. */
export interface DashboardQuery {
  /** The PromQL expression. */
  readonly expr: string;
  /** The series' legend, e.g. `{{phase}}` or `p95`. */
  readonly legendFormat: string;
}

/** A panel: a titled visualisation of one or more queries. */
export interface DashboardPanel {
  readonly title: string;
  /** `timeseries` for a graph over time, `piechart` for a distribution. */
  readonly type: "timeseries" | "piechart";
  /** Grafana's unit id, e.g. `reqps`, `ms`, `percentunit`, `short`. */
  readonly unit: string;
  readonly queries: readonly DashboardQuery[];
  /**
   * A value drawn as a red line (an objective).
   * @default no threshold line
   */
  readonly threshold?: number;
  /**
   * What the panel shows, for the panel's info tooltip.
   * @default no description
   */
  readonly description?: string;
}

/** A Grafana dashboard, as the generator describes it. */
export interface Dashboard {
  /** The stable id Grafana links by (at most 40 characters). */
  readonly uid: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly panels: readonly DashboardPanel[];
}

/** The Prometheus data source kube-prometheus-stack provisions in Grafana. */
export const PROMETHEUS_DATASOURCE = { type: "prometheus", uid: "prometheus" } as const;

const PANEL_WIDTH = 12;
const PANEL_HEIGHT = 8;

/** Grafana's uid limit. */
const MAX_UID_LENGTH = 40;

/** A Grafana uid from a readable key: the key itself when short enough, else its start and a digest of the whole. */
export function dashboardUid(key: string): string {
  if (key.length <= MAX_UID_LENGTH) return key;
  const digest = createHash("sha256").update(key).digest("hex").slice(0, 8);
  return `${key.slice(0, MAX_UID_LENGTH - digest.length - 1).replace(/-+$/, "")}-${digest}`;
}

function panelModel(panel: DashboardPanel, index: number): Record<string, unknown> {
  // The first step is the base (Grafana gives it -Infinity; JSON has no such number and the platform writes no nulls).
  const thresholds = panel.threshold === undefined ? undefined : { mode: "absolute", steps: [{ color: "green" }, { color: "red", value: panel.threshold }] };
  return {
    id: index + 1,
    type: panel.type,
    title: panel.title,
    ...(panel.description === undefined ? {} : { description: panel.description }),
    datasource: { ...PROMETHEUS_DATASOURCE },
    gridPos: { h: PANEL_HEIGHT, w: PANEL_WIDTH, x: (index % 2) * PANEL_WIDTH, y: Math.floor(index / 2) * PANEL_HEIGHT },
    fieldConfig: {
      defaults: {
        unit: panel.unit,
        ...(thresholds === undefined ? {} : { thresholds }),
        ...(panel.type === "timeseries" ? { custom: { thresholdsStyle: { mode: panel.threshold === undefined ? "off" : "line" } } } : {}),
      },
      overrides: [],
    },
    options: panel.type === "piechart" ? { legend: { displayMode: "table", placement: "right", values: ["value"] }, reduceOptions: { calcs: ["lastNotNull"] } } : { legend: { displayMode: "list", placement: "bottom" } },
    targets: panel.queries.map((query, i) => ({
      refId: String.fromCharCode(65 + i),
      datasource: { ...PROMETHEUS_DATASOURCE },
      expr: query.expr,
      legendFormat: query.legendFormat,
    })),
  };
}

/**
 * The dashboard as Grafana's JSON model: panels two to a row, ids and positions from their order, no `id` (Grafana
 * assigns it), no timestamps, not editable in the UI (Git is the source).
 */
export function dashboardModel(dashboard: Dashboard): Record<string, unknown> {
  return {
    uid: dashboard.uid,
    title: dashboard.title,
    tags: [...dashboard.tags],
    editable: false,
    schemaVersion: 39,
    version: 1,
    refresh: "30s",
    time: { from: "now-6h", to: "now" },
    timezone: "utc",
    annotations: { list: [] },
    templating: { list: [] },
    panels: dashboard.panels.map(panelModel),
  };
}

/** JSON with every object's keys sorted, two-space indented, ending in a newline: same dashboard → same bytes. */
export function canonicalJson(value: unknown): string {
  // Plain loops: this runs over every service's dashboard in every environment, and the entries/filter/sort/map
  // chains it replaced allocated four arrays per object.
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === "object") {
      const source = v as Record<string, unknown>;
      const sorted: Record<string, unknown> = {};
      for (const key of sortCodeUnits(Object.keys(source))) {
        const inner = source[key];
        if (inner === undefined) continue;
        if (key === "__proto__") Object.defineProperty(sorted, key, { value: sort(inner), enumerable: true, writable: true, configurable: true });
        else sorted[key] = sort(inner);
      }
      return sorted;
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

/** Props of {@link buildDashboardConfigMap}. */
export interface DashboardConfigMapProps {
  /** The ConfigMap's name. */
  readonly name: string;
  readonly namespace: string;
  /** The owner's labels; the Grafana sidecar's label is added. */
  readonly labels: Readonly<Record<string, string>>;
  /** The Grafana folder. */
  readonly folder: string;
  readonly dashboard: Dashboard;
}

/**
 * A dashboard as a ConfigMap the Grafana sidecar loads (label `grafana_dashboard: "1"`), into the folder named by
 * its `grafana_folder` annotation. The JSON is under `<uid>.json`.
 */
export function buildDashboardConfigMap(props: DashboardConfigMapProps): ConfigMap {
  return new ConfigMap({
    metadata: {
      name: props.name,
      namespace: props.namespace,
      labels: { ...props.labels, ...GRAFANA_DASHBOARD_LABEL },
      annotations: { [GRAFANA_FOLDER_ANNOTATION]: props.folder },
    },
    data: { [`${props.dashboard.uid}.json`]: canonicalJson(dashboardModel(props.dashboard)) },
  });
}

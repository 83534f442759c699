import type { EnvironmentModel, ObservabilitySettingsSpec } from "@cloudlab/model";
import { describe, expect, it } from "vitest";
import {
  clusterObservabilityObjects,
  expressionsOf,
  promqlProblemsOf,
  serviceObservabilityObjects,
  tenantObservabilityObjects,
  validationMessages,
  type ModelObject,
  type PlainManifest,
} from "../../src/index.ts";
import { observedModel } from "./observability-fixtures.ts";

type Json = { kind: string; metadata: { name: string; namespace?: string } };

const ids = (objects: readonly ModelObject[]) => objects.map((o) => o.toJSON() as Json).map((j) => `${j.kind}/${j.metadata.namespace}/${j.metadata.name}`);

function everyObject(model: EnvironmentModel): ModelObject[] {
  return [
    ...clusterObservabilityObjects(model),
    ...model.tenants.flatMap((t) => tenantObservabilityObjects(t, model.environment)),
    ...model.services.flatMap((s) => serviceObservabilityObjects(s, model.environment)),
  ];
}

const SETTINGS: readonly [string, ObservabilitySettingsSpec][] = [
  ["operator", { loadTest: { enabled: true } }],
  ["annotations", { scraping: "annotations", loadTest: { enabled: true } }],
];

describe("observability objects", () => {
  it("with the operator: dashboards in monitoring; per tenant scrape access, PodMonitor, AlertmanagerConfig; per service rules and dashboard", () => {
    const model = observedModel("staging", { loadTest: { enabled: true } });
    expect(ids(clusterObservabilityObjects(model))).toEqual(["ConfigMap/monitoring/grafana-dashboard-cluster-overview", "ConfigMap/monitoring/grafana-dashboard-istio-mesh"]);
    const shop = model.tenants.find((t) => t.name === "shop")!;
    expect(ids(tenantObservabilityObjects(shop, model.environment))).toEqual([
      "NetworkPolicy/shop/allow-prometheus-scrape",
      "PodMonitor/shop/envoy-stats",
      "AlertmanagerConfig/shop/alert-routing",
    ]);
    const web = model.services.find((s) => s.name === "web")!;
    expect(ids(serviceObservabilityObjects(web, model.environment))).toEqual([
      "PrometheusRule/storefront/web-slo",
      "ConfigMap/storefront/grafana-dashboard-web",
      "CronJob/storefront/loadtest-web",
      "NetworkPolicy/storefront/loadtest-web",
    ]);
  });

  it("without the operator: prometheus-config and alertmanager-config instead of rules, monitors and AlertmanagerConfigs", () => {
    const model = observedModel("dev", { scraping: "annotations" });
    expect(ids(clusterObservabilityObjects(model))).toEqual([
      "ConfigMap/monitoring/grafana-dashboard-cluster-overview",
      "ConfigMap/monitoring/grafana-dashboard-istio-mesh",
      "ConfigMap/monitoring/prometheus-config",
      "ConfigMap/monitoring/alertmanager-config",
    ]);
    expect(ids(tenantObservabilityObjects(model.tenants[0]!, model.environment))).toEqual(["NetworkPolicy/shop/allow-prometheus-scrape"]);
    const checkout = model.services.find((s) => s.name === "checkout")!;
    expect(ids(serviceObservabilityObjects(checkout, model.environment))).toEqual(["ConfigMap/shop/grafana-dashboard-checkout"]);
  });

  for (const [mode, settings] of SETTINGS) {
    for (const environment of ["dev", "staging", "prod-us-west-2", "prod-us-east-1"]) {
      it(`${mode}, ${environment}: every object validates and every PromQL expression parses and uses emitted metrics`, () => {
        const objects = everyObject(observedModel(environment, settings));
        expect(objects.length).toBeGreaterThan(5);
        let expressions = 0;
        for (const object of objects) {
          expect(validationMessages(object)).toEqual([]);
          expect(promqlProblemsOf(object.toJSON() as PlainManifest)).toEqual([]);
          expressions += expressionsOf(object.toJSON() as PlainManifest).expressions.length;
        }
        // 2 platform dashboards (4 queries), then per service a dashboard and its rules (in either mode).
        expect(expressions).toBeGreaterThan(40);
      });
    }
  }
});

import type { ResolvedService } from "@cloudlab/model";
import { PrometheusRule } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule";
import { serviceLabels } from "../labels.ts";
import { serviceRuleGroup } from "./slo-alert-rules.ts";

/**
 * A service's SLO alerts as a PrometheusRule `<service>-slo` in its namespace (with the Prometheus Operator); without
 * the operator the same rules go into the `prometheus-config` ConfigMap, so this is `undefined`.
 */
export function buildServicePrometheusRule(service: ResolvedService): PrometheusRule | undefined {
  if (service.observability.scraping !== "operator") return undefined;
  const group = serviceRuleGroup(service);
  return new PrometheusRule({
    metadata: { name: `${service.name}-slo`, namespace: service.tenant, labels: serviceLabels(service) },
    spec: {
      groups: [
        {
          name: group.name,
          rules: group.rules.map((rule) => ({ alert: rule.alert, expr: rule.expr, for: rule.for, labels: { ...rule.labels }, annotations: { ...rule.annotations } })),
        },
      ],
    },
  });
}

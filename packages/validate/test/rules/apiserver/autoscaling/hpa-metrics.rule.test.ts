import { hpaMetrics } from "../../../../src/rules/apiserver/autoscaling/hpa-metrics.rule.ts";
import { hpa } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const metric = (value: object) => hpa((h) => { h.spec.metrics = [value]; });
const resource = (target: object, name = "cpu") => metric({ type: "Resource", resource: { name, target } });
const v1 = (percentage: number) => ({
  apiVersion: "autoscaling/v1",
  kind: "HorizontalPodAutoscaler",
  metadata: { name: "web", namespace: "shop" },
  spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "web" }, maxReplicas: 3, targetCPUUtilizationPercentage: percentage },
});
const M = "spec.metrics[0]";

ruleTable(hpaMetrics, {
  valid: [
    { name: "CPU utilization", manifests: [hpa()] },
    { name: "no metrics (80% CPU by default)", manifests: [hpa((h) => { delete h.spec.metrics; })] },
    { name: "memory by average value", manifests: [resource({ type: "AverageValue", averageValue: "500Mi" }, "memory")] },
    { name: "a pods metric", manifests: [metric({ type: "Pods", pods: { metric: { name: "http_requests_per_second" }, target: { type: "AverageValue", averageValue: "100" } } })] },
    {
      name: "an object metric by value",
      manifests: [metric({ type: "Object", object: { describedObject: { apiVersion: "networking.k8s.io/v1", kind: "Ingress", name: "web" }, metric: { name: "requests-per-second" }, target: { type: "Value", value: "10k" } } })],
    },
    {
      name: "an external metric with a selector",
      manifests: [metric({ type: "External", external: { metric: { name: "queue_depth", selector: { matchLabels: { queue: "orders" } } }, target: { type: "AverageValue", averageValue: 30 } } })],
    },
    { name: "a container resource", manifests: [metric({ type: "ContainerResource", containerResource: { name: "cpu", container: "web", target: { type: "Utilization", averageUtilization: 60 } } })] },
    { name: "a target type that does not match the value set (not checked upstream)", manifests: [resource({ type: "Utilization", averageValue: "200m" })] },
    { name: "autoscaling/v1 CPU percentage", manifests: [v1(75)] },
  ],
  invalid: [
    { name: "utilization 0", manifests: [resource({ type: "Utilization", averageUtilization: 0 })], errors: [`${M}.resource.target.averageUtilization: Invalid value: 0: must be greater than 0`] },
    { name: "no target value", manifests: [resource({ type: "Utilization" })], errors: [`${M}.resource.target.averageUtilization: Required value: must set either a target raw value or a target utilization`] },
    {
      name: "both utilization and average value",
      manifests: [resource({ type: "Utilization", averageUtilization: 50, averageValue: "100m" })],
      errors: [`${M}.resource.target.averageValue: Forbidden: may not set both a target raw value and a target utilization`],
    },
    { name: "a negative average value", manifests: [resource({ type: "AverageValue", averageValue: "-100m" })], errors: [`${M}.resource.target.averageValue: Invalid value: "-100m": must be positive`] },
    { name: "an unknown target type", manifests: [resource({ type: "Percent", averageUtilization: 50 })], errors: [`${M}.resource.target.type: Invalid value: "Percent": must be either Utilization, Value, or AverageValue`] },
    { name: "an empty resource name", manifests: [resource({ type: "Utilization", averageUtilization: 50 }, "")], errors: [`${M}.resource.name: Required value: must specify a resource name`] },
    {
      name: "an unknown metric type",
      manifests: [metric({ type: "Custom", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } })],
      errors: [`${M}.type: Unsupported value: "Custom": supported values: "ContainerResource", "External", "Object", "Pods", "Resource"`],
    },
    {
      name: "a type without its source",
      manifests: [metric({ type: "Pods", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } } })],
      errors: [`${M}.pods: Required value: must populate information for the given metric source`],
    },
    {
      name: "a second source",
      manifests: [metric({ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 50 } }, pods: { metric: { name: "rps" }, target: { type: "AverageValue", averageValue: "1" } } })],
      errors: [`${M}.pods: Forbidden: must populate the given metric source only`],
    },
    {
      name: "a pods metric without an average value",
      manifests: [metric({ type: "Pods", pods: { metric: { name: "rps" }, target: { type: "Value", value: "100" } } })],
      errors: [`${M}.pods.target.averageValue: Required value: must specify a positive target averageValue`],
    },
    {
      name: "an object metric with a '/' in its name and no value",
      manifests: [metric({ type: "Object", object: { describedObject: { kind: "Ingress", name: "web" }, metric: { name: "requests/second" }, target: { type: "Utilization", averageUtilization: 50 } } })],
      errors: [`${M}.object.metric.name: Invalid value: "requests/second": may not contain '/'`, `${M}.object.target.averageValue: Required value: must set either a target value or averageValue`],
    },
    {
      name: "an object metric without a described object name",
      manifests: [metric({ type: "Object", object: { describedObject: { kind: "Ingress", name: "" }, metric: { name: "rps" }, target: { type: "Value", value: "10" } } })],
      errors: [`${M}.object.describedObject.name: Required value`],
    },
    {
      name: "an external metric with value and average value",
      manifests: [metric({ type: "External", external: { metric: { name: "queue_depth" }, target: { type: "Value", value: "30", averageValue: "3" } } })],
      errors: [`${M}.external.target.value: Forbidden: may not set both a target value for metric and a per-pod target`],
    },
    {
      name: "an external metric with a zero value",
      manifests: [metric({ type: "External", external: { metric: { name: "queue_depth" }, target: { type: "Value", value: 0 } } })],
      errors: [`${M}.external.target.value: Invalid value: 0: must be positive`],
    },
    {
      name: "a container resource with a bad container name and a non-container resource",
      manifests: [metric({ type: "ContainerResource", containerResource: { name: "pods", container: "Web", target: { type: "Utilization", averageUtilization: 60 } } })],
      errors: [
        `${M}.containerResource.name: Invalid value: "pods": must be a standard resource for containers`,
        `${M}.containerResource.container: Invalid value: "Web": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    },
    {
      name: "autoscaling/v1 CPU percentage 0 (reported at the converted field)",
      manifests: [v1(0)],
      errors: ["spec.metrics[0].resource.target.averageUtilization: Invalid value: 0: must be greater than 0"],
    },
  ],
});

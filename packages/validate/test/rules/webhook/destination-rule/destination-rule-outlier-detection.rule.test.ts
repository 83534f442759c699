import { destinationRuleOutlierDetection } from "../../../../src/rules/webhook/destination-rule/destination-rule-outlier-detection.rule.ts";
import { ruleTable } from "../../rule-table.ts";
import { dr } from "../istio-fixtures.ts";

const outlier = (o: object) => dr((d) => { d.spec.trafficPolicy = { outlierDetection: o }; });

ruleTable(destinationRuleOutlierDetection, {
  valid: [{ name: "the platform's settings", manifests: [outlier({ baseEjectionTime: "30s", consecutive5xxErrors: 5, interval: "10s", maxEjectionPercent: 50 }), dr((d) => { d.metadata.name = "local"; d.spec.trafficPolicy = { outlierDetection: { splitExternalLocalOriginErrors: true, consecutiveLocalOriginFailures: 3 } }; })] }],
  invalid: [
    { name: "a percentage above 100", manifests: [outlier({ maxEjectionPercent: 150 })], errors: ["spec.trafficPolicy.outlierDetection.maxEjectionPercent: percentage 150 is not in range 0..100"] },
    { name: "an interval of 0", manifests: [outlier({ interval: "0s" })], errors: ["spec.trafficPolicy.outlierDetection.interval: duration must be greater than 1ms"] },
    {
      name: "local-origin failures without the split",
      manifests: [outlier({ consecutiveLocalOriginFailures: 3 })],
      errors: ["spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures: outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false"],
    },
  ],
});

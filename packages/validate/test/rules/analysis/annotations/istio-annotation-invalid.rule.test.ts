import { istioAnnotationInvalid } from "../../../../src/rules/analysis/annotations/istio-annotation-invalid.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const template = (annotations: Record<string, string>) => deployment((d) => { d.spec.template.metadata.annotations = annotations; });

ruleTable(istioAnnotationInvalid, {
  valid: [
    {
      name: "values that parse",
      manifests: [
        template({
          "sidecar.istio.io/interceptionMode": "TPROXY",
          "status.sidecar.istio.io/port": "15021",
          "readiness.status.sidecar.istio.io/periodSeconds": "10",
          "traffic.sidecar.istio.io/includeOutboundIPRanges": "*",
          "traffic.sidecar.istio.io/excludeOutboundIPRanges": "10.0.0.0/8,fd00::/8",
          "traffic.sidecar.istio.io/includeInboundPorts": "*",
          "traffic.sidecar.istio.io/excludeInboundPorts": "15020, 9090",
          "traffic.sidecar.istio.io/excludeOutboundPorts": "",
          "prometheus.istio.io/merge-metrics": "False",
        }),
      ],
    },
    { name: "annotations whose values istioctl does not validate", manifests: [template({ "sidecar.istio.io/proxyCPU": "lots" })] },
    { name: "a misplaced annotation is IST0107's, not validated", manifests: [deployment((d) => { d.metadata.annotations = { "sidecar.istio.io/interceptionMode": "DNAT" }; })] },
  ],
  invalid: [
    {
      name: "an interception mode, a port, a number",
      manifests: [template({ "sidecar.istio.io/interceptionMode": "redirect", "status.sidecar.istio.io/port": "70000", "readiness.status.sidecar.istio.io/failureThreshold": "-1" })],
      errors: [
        "spec.template.metadata.annotations[sidecar.istio.io/interceptionMode]: Invalid annotation sidecar.istio.io/interceptionMode: interceptionMode invalid, use REDIRECT,TPROXY,NONE: redirect (IST0125)",
        `spec.template.metadata.annotations[status.sidecar.istio.io/port]: Invalid annotation status.sidecar.istio.io/port: excludeInboundPorts invalid: failed parsing port '70000': strconv.ParseUint: parsing "70000": value out of range (IST0125)`,
        `spec.template.metadata.annotations[readiness.status.sidecar.istio.io/failureThreshold]: Invalid annotation readiness.status.sidecar.istio.io/failureThreshold: strconv.ParseUint: parsing "-1": invalid syntax (IST0125)`,
      ],
    },
    {
      name: "a CIDR without a prefix length, a port list, a boolean",
      manifests: [template({ "traffic.sidecar.istio.io/excludeOutboundIPRanges": "10.0.0.0/8,169.254.169.254", "traffic.sidecar.istio.io/excludeInboundPorts": "8080,http", "prometheus.istio.io/merge-metrics": "enabled" })],
      errors: [
        `spec.template.metadata.annotations[traffic.sidecar.istio.io/excludeOutboundIPRanges]: Invalid annotation traffic.sidecar.istio.io/excludeOutboundIPRanges: excludeIPRanges invalid: failed parsing cidr '169.254.169.254': netip.ParsePrefix("169.254.169.254"): no '/' (IST0125)`,
        `spec.template.metadata.annotations[traffic.sidecar.istio.io/excludeInboundPorts]: Invalid annotation traffic.sidecar.istio.io/excludeInboundPorts: excludeInboundPorts invalid: failed parsing port 'http': failed parsing port 'http': strconv.ParseUint: parsing "http": invalid syntax (IST0125)`,
        `spec.template.metadata.annotations[prometheus.istio.io/merge-metrics]: Invalid annotation prometheus.istio.io/merge-metrics: strconv.ParseBool: parsing "enabled": invalid syntax (IST0125)`,
      ],
    },
  ],
});

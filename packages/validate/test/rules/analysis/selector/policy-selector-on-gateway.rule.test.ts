import { policySelectorOnGateway } from "../../../../src/rules/analysis/selector/policy-selector-on-gateway.rule.ts";
import { deployment } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const gatewayApi = { apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", metadata: { name: "platform", namespace: "istio-ingress" }, spec: { gatewayClassName: "istio", listeners: [{ name: "http", port: 80, protocol: "HTTP" }] } };
const policy = (kind: string, spec: object, namespace = "istio-ingress") => ({
  apiVersion: kind === "Telemetry" ? "telemetry.istio.io/v1alpha1" : "security.istio.io/v1beta1",
  kind,
  metadata: { name: "p", namespace },
  spec,
});
const selectGateway = { selector: { matchLabels: { "gateway.networking.k8s.io/gateway-name": "platform" } } };

ruleTable(policySelectorOnGateway, {
  valid: [
    { name: "a policy attached by targetRef (a selector beside it is ignored)", manifests: [gatewayApi, policy("Telemetry", { ...selectGateway, targetRef: { group: "gateway.networking.k8s.io", kind: "Gateway", name: "platform" }, tracing: [{ randomSamplingPercentage: 10 }] })] },
    { name: "a selector matching ordinary workloads", manifests: [gatewayApi, deployment(), policy("AuthorizationPolicy", { selector: { matchLabels: { app: "web" } }, action: "ALLOW" }, "shop")] },
    { name: "a gateway of another namespace", manifests: [gatewayApi, policy("AuthorizationPolicy", { ...selectGateway, action: "DENY" }, "shop")] },
    { name: "a Gateway of another class is not deployed by Istio", manifests: [{ ...gatewayApi, spec: { ...gatewayApi.spec, gatewayClassName: "other" } }, policy("RequestAuthentication", { ...selectGateway, jwtRules: [{ issuer: "https://issuer.example.com" }] })] },
  ],
  invalid: [
    { name: "an AuthorizationPolicy selecting a Gateway API gateway's pods", manifests: [gatewayApi, policy("AuthorizationPolicy", { ...selectGateway, action: "DENY" })], errors: ["spec.selector: Ineffective selector on Kubernetes Gateway platform. Use the TargetRef field instead. (IST0166)"] },
    {
      name: "an empty selector selects the gateway's pods too",
      manifests: [gatewayApi, policy("RequestAuthentication", { selector: {}, jwtRules: [{ issuer: "https://issuer.example.com" }] })],
      errors: ["spec.selector: Ineffective selector on Kubernetes Gateway platform. Use the TargetRef field instead. (IST0166)"],
    },
  ],
});

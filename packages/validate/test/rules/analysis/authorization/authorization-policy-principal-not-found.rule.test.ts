import { authorizationPolicyPrincipalNotFound } from "../../../../src/rules/analysis/authorization/authorization-policy-principal-not-found.rule.ts";
import { serviceAccount } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const policy = (...principals: string[]) => ({
  apiVersion: "security.istio.io/v1beta1",
  kind: "AuthorizationPolicy",
  metadata: { name: "web", namespace: "shop" },
  spec: { selector: { matchLabels: { app: "web" } }, action: "ALLOW", rules: [{ from: [{ source: { principals } }] }] },
});
const gateway = { apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", metadata: { name: "edge", namespace: "istio-ingress" }, spec: { gatewayClassName: "istio", listeners: [{ name: "http", port: 80, protocol: "HTTP" }] } };

ruleTable(authorizationPolicyPrincipalNotFound, {
  valid: [
    { name: "a declared service account", manifests: [serviceAccount("checkout"), policy("cluster.local/ns/shop/sa/checkout")] },
    { name: "a namespace's default account, and a SPIFFE URI", manifests: [policy("spiffe://cluster.local/ns/shop/sa/default")] },
    { name: "the account Istio creates for a Gateway API Gateway", manifests: [gateway, policy("cluster.local/ns/istio-ingress/sa/edge-istio")] },
    { name: "namespaces the environment does not hold, and wildcards, are not checked", manifests: [policy("cluster.local/ns/istio-system/sa/istiod", "cluster.local/ns/shop/sa/*")] },
  ],
  invalid: [
    {
      name: "a misspelled account",
      manifests: [serviceAccount("checkout"), policy("cluster.local/ns/shop/sa/checkout", "cluster.local/ns/shop/sa/chekout")],
      errors: ['spec.rules[0].from[0].source.principals[1]: principal "cluster.local/ns/shop/sa/chekout" names service account "chekout", which does not exist in namespace "shop"'],
    },
  ],
});

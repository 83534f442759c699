import { authorizationPolicyPrincipalNotFound } from "../../../../src/rules/analysis/authorization/authorization-policy-principal-not-found.rule.ts";
import { serviceAccount } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const policy = (principals: string[], field = "principals") => ({
  apiVersion: "security.istio.io/v1beta1",
  kind: "AuthorizationPolicy",
  metadata: { name: "web", namespace: "shop" },
  spec: { selector: { matchLabels: { app: "web" } }, action: "ALLOW", rules: [{ from: [{ source: { [field]: principals } }] }] },
});
const gateway = { apiVersion: "gateway.networking.k8s.io/v1", kind: "Gateway", metadata: { name: "edge", namespace: "istio-ingress" }, spec: { gatewayClassName: "istio", listeners: [{ name: "http", port: 80, protocol: "HTTP" }] } };
const NOT_AMONG = "; the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)";

ruleTable(authorizationPolicyPrincipalNotFound, {
  valid: [
    { name: "a declared service account", manifests: [serviceAccount("checkout"), policy(["cluster.local/ns/shop/sa/checkout"])] },
    { name: "a namespace's default account, and a SPIFFE URI", manifests: [policy(["spiffe://cluster.local/ns/shop/sa/default"])] },
    { name: "the account Istio creates for a Gateway API Gateway", manifests: [gateway, policy(["cluster.local/ns/istio-ingress/sa/edge-istio"])] },
    { name: "namespaces the environment does not hold, and wildcards, are not checked", manifests: [policy(["cluster.local/ns/istio-system/sa/istiod", "cluster.local/ns/shop/sa/*"])] },
    { name: "another trust domain is not checked", manifests: [policy(["example.org/ns/shop/sa/ghost"])] },
  ],
  invalid: [
    {
      name: "a misspelled account",
      manifests: [serviceAccount("checkout"), policy(["cluster.local/ns/shop/sa/checkout", "cluster.local/ns/shop/sa/chekout"])],
      errors: ['spec.rules[0].from[0].source.principals[1]: Referenced service account not found: "cluster.local/ns/shop/sa/chekout" (IST0101)'],
    },
    {
      name: "in notPrincipals",
      manifests: [serviceAccount("checkout"), policy(["cluster.local/ns/shop/sa/ghost"], "notPrincipals")],
      errors: ['spec.rules[0].from[0].source.notPrincipals[0]: Referenced service account not found: "cluster.local/ns/shop/sa/ghost" (IST0101)'],
    },
    {
      name: "partial input: the account may be defined elsewhere",
      complete: false,
      manifests: [serviceAccount("checkout"), policy(["cluster.local/ns/shop/sa/ghost"])],
      errors: [`spec.rules[0].from[0].source.principals[0]: Referenced service account not found: "cluster.local/ns/shop/sa/ghost" (IST0101)${NOT_AMONG}`],
    },
  ],
});

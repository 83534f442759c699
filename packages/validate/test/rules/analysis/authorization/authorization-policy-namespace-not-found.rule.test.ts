import { authorizationPolicyNamespaceNotFound } from "../../../../src/rules/analysis/authorization/authorization-policy-namespace-not-found.rule.ts";
import { serviceAccount } from "../../../fixtures.ts";
import { ruleTable } from "../../rule-table.ts";

const policy = (source: Record<string, string[]>) => ({
  apiVersion: "security.istio.io/v1beta1",
  kind: "AuthorizationPolicy",
  metadata: { name: "web", namespace: "shop" },
  spec: { selector: { matchLabels: { app: "web" } }, action: "ALLOW", rules: [{ from: [{ source }] }] },
});
const namespace = (name: string) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name } });

ruleTable(authorizationPolicyNamespaceNotFound, {
  valid: [
    { name: "a declared namespace, and the policy's own", manifests: [namespace("istio-ingress"), policy({ namespaces: ["istio-ingress", "shop"] })] },
    { name: "a namespace holding objects", manifests: [serviceAccount("checkout", "payments"), policy({ notNamespaces: ["payments"] })] },
    { name: "patterns: *, prefix* and *suffix", manifests: [namespace("team-a-prod"), policy({ namespaces: ["*", "team-*", "*-prod"] })] },
    { name: "namespaces every cluster has", manifests: [policy({ namespaces: ["kube-system", "default"] })] },
    { name: "case-insensitive names", manifests: [namespace("istio-ingress"), policy({ namespaces: ["Istio-Ingress"] })] },
  ],
  invalid: [
    {
      name: "an unknown namespace and pattern",
      manifests: [namespace("istio-ingress"), policy({ namespaces: ["istio-ingres", "prod-*"], notNamespaces: ["legacy"] })],
      errors: [
        'spec.rules[0].from[0].source.namespaces[0]: Referenced namespace not found: "istio-ingres" (IST0101)',
        'spec.rules[0].from[0].source.namespaces[1]: Referenced namespace not found: "prod-*" (IST0101)',
        'spec.rules[0].from[0].source.notNamespaces[0]: Referenced namespace not found: "legacy" (IST0101)',
      ],
    },
    {
      name: "partial input: the namespace may be defined elsewhere",
      complete: false,
      manifests: [policy({ namespaces: ["istio-ingress"] })],
      errors: ['spec.rules[0].from[0].source.namespaces[0]: Referenced namespace not found: "istio-ingress" (IST0101); the target is not among the validated files (it may live elsewhere: validate the whole environment, or pass --complete, to make this an error)'],
    },
  ],
});

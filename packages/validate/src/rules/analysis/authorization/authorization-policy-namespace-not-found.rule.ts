import { environmentIndex } from "../../../analysis/environment-index.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

/** The namespaces every Kubernetes cluster has, whether or not the environment declares them. */
const BUILT_IN_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];

/** Whether a namespace pattern of an AuthorizationPolicy source (`*`, `prefix*`, `*suffix` or a name) covers `namespace`. */
function namespaceMatches(namespace: string, pattern: string): boolean {
  if (pattern === "*") return true;
  if (pattern.startsWith("*")) return namespace.endsWith(pattern.slice(1));
  if (pattern.endsWith("*")) return namespace.startsWith(pattern.slice(0, -1));
  return namespace.toLowerCase() === pattern.toLowerCase();
}

/**
 * istioctl's IST0101 for AuthorizationPolicies (`auth.AuthorizationPoliciesAnalyzer`): every namespace a rule's source
 * names in `namespaces` or `notNamespaces` (exactly, case-insensitively, or as a `prefix*` / `*suffix` pattern) matches
 * a namespace of the environment — one declared by a Namespace or holding an object — or one every cluster has.
 */
export const authorizationPolicyNamespaceNotFound: GroupRule = {
  id: "authorization-policy-namespace-not-found",
  category: "analysis",
  scope: "group",
  code: "IST0101",
  severity: "error",
  description: "AuthorizationPolicy source namespaces (and namespace patterns) match namespaces of the environment (istioctl IST0101).",
  upstreamMessage: 'Error [IST0101] (AuthorizationPolicy httpbin/meshwide-httpbin-v1) Referenced namespace not found: "does-not-exist"',
  check(objects) {
    const problems: GroupProblem[] = [];
    let namespaces: string[] | undefined;
    for (const object of objects) {
      if (object.kind !== "AuthorizationPolicy" || !object.apiVersion.startsWith("security.istio.io/")) continue;
      asArray(at(object.object, "spec", "rules")).forEach((rule, i) => {
        asArray(asObject(rule)?.from).forEach((from, j) => {
          for (const field of ["namespaces", "notNamespaces"]) {
            asArray(at(from, "source", field)).forEach((pattern, k) => {
              if (typeof pattern !== "string") return;
              namespaces ??= [...new Set([...environmentIndex(objects).namespaces, ...BUILT_IN_NAMESPACES])];
              if (namespaces.some((namespace) => namespaceMatches(namespace, pattern))) return;
              problems.push({
                object,
                unresolved: true,
                path: ["spec", "rules", i, "from", j, "source", field, k],
                message: `Referenced namespace not found: "${pattern}" (IST0101)`,
              });
            });
          }
        });
      });
    }
    return problems;
  },
};

import { environmentIndex } from "../../../analysis/environment-index.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

const PRINCIPAL = /^(?:spiffe:\/\/)?cluster\.local\/ns\/([^/]+)\/sa\/([^/]+)$/;

/**
 * Reported with istioctl's IST0101 wording (istioctl itself does not check principals): an AuthorizationPolicy's
 * principals (`cluster.local/ns/<namespace>/sa/<account>`, in `principals` or `notPrincipals`) name service accounts
 * that exist: declared in the environment, the namespace's `default`, or the `<gateway>-istio` account Istio creates
 * for a Gateway API Gateway. Principals in namespaces the environment does not hold, with wildcards, or of another
 * trust domain are not checked.
 */
export const authorizationPolicyPrincipalNotFound: GroupRule = {
  id: "authorization-policy-principal-not-found",
  category: "analysis",
  scope: "group",
  code: "IST0101",
  severity: "error",
  description: "AuthorizationPolicy source principals name service accounts that exist in the environment (istioctl IST0101 wording).",
  upstreamMessage: 'Error [IST0101] (AuthorizationPolicy shop/web) Referenced service account not found: "cluster.local/ns/shop/sa/chekout"',
  check(objects) {
    const index = environmentIndex(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (object.kind !== "AuthorizationPolicy" || !object.apiVersion.startsWith("security.istio.io/")) continue;
      asArray(at(object.object, "spec", "rules")).forEach((rule, i) => {
        asArray(asObject(rule)?.from).forEach((from, j) => {
          for (const field of ["principals", "notPrincipals"]) {
            asArray(at(from, "source", field)).forEach((principal, k) => {
              if (typeof principal !== "string" || principal.includes("*")) return;
              const match = PRINCIPAL.exec(principal);
              if (match === null) return;
              const [, namespace, account] = match;
              if (!index.namespaces.has(namespace!) || index.serviceAccounts.has(`${namespace}/${account}`)) return;
              problems.push({
                object,
                unresolved: true,
                path: ["spec", "rules", i, "from", j, "source", field, k],
                message: `Referenced service account not found: "${principal}" (IST0101)`,
              });
            });
          }
        });
      });
    }
    return problems;
  },
};

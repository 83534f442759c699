import { environmentIndex } from "../../../analysis/environment-index.ts";
import type { GroupProblem, GroupRule } from "../../../rule.ts";
import { asArray, asObject, at } from "../../../support/values.ts";

const PRINCIPAL = /^(?:spiffe:\/\/)?cluster\.local\/ns\/([^/]+)\/sa\/([^/]+)$/;

/**
 * An AuthorizationPolicy's principals (`cluster.local/ns/<namespace>/sa/<account>`) name service accounts that exist:
 * declared in the environment, the namespace's `default`, or the `<gateway>-istio` account Istio creates for a Gateway
 * API Gateway. Principals in namespaces the environment does not hold, or with wildcards, are not checked.
 */
export const authorizationPolicyPrincipalNotFound: GroupRule = {
  id: "authorization-policy-principal-not-found",
  category: "analysis",
  scope: "group",
  severity: "error",
  description: "AuthorizationPolicy source principals name service accounts that exist in the environment.",
  check(objects) {
    const index = environmentIndex(objects);
    const problems: GroupProblem[] = [];
    for (const object of objects) {
      if (object.kind !== "AuthorizationPolicy" || !object.apiVersion.startsWith("security.istio.io/")) continue;
      asArray(at(object.object, "spec", "rules")).forEach((rule, i) => {
        asArray(asObject(rule)?.from).forEach((from, j) => {
          asArray(at(from, "source", "principals")).forEach((principal, k) => {
            if (typeof principal !== "string" || principal.includes("*")) return;
            const match = PRINCIPAL.exec(principal);
            if (match === null) return;
            const [, namespace, account] = match;
            if (!index.namespaces.has(namespace!) || index.serviceAccounts.has(`${namespace}/${account}`)) return;
            problems.push({
              object,
              path: ["spec", "rules", i, "from", j, "source", "principals", k],
              message: `principal "${principal}" names service account "${account}", which does not exist in namespace "${namespace}"`,
            });
          });
        });
      });
    }
    return problems;
  },
};

import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { attributeProblem } from "../../../support/istio/security.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

/**
 * istiod's `when` condition checks of an AuthorizationPolicy: each has a key istiod knows (`request.headers[…]`,
 * `source.ip`, `request.auth.claims[…]`, `destination.port`, …; not the replaced `destination.labels`,
 * `destination.namespace` or v1alpha1 attributes) and `values` or `notValues` that are non-empty and, for IP and
 * port keys, valid IPs, CIDR blocks or ports.
 */
export const authorizationPolicyConditions: ObjectRule = {
  id: "authorization-policy-conditions",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "AuthorizationPolicy conditions use keys istiod supports, with non-empty values or notValues that suit the key (IPs, CIDR blocks, ports, `name[key]` forms).",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: invalid policy web.shop: invalid `value` for `key` request.auth.claim[iss]: unknown attribute: request.auth.claim[iss]',
  kinds: new Set(["AuthorizationPolicy"]),
  check(object) {
    const spec = istioSpec(object, "security.istio.io", "AuthorizationPolicy");
    if (spec === undefined) return [];
    const problems = new Problems();
    const prefix = `invalid policy ${object.name}.${object.namespace ?? ""}: `;
    for (const [i, rule] of asArray(spec.rules).entries()) {
      for (const [j, entry] of asArray(asObject(rule)?.when).entries()) {
        const condition = asObject(entry);
        if (condition === undefined) continue;
        const path = ["spec", "rules", i, "when", j];
        const conditionKey = asString(condition.key) ?? "";
        const values = asArray(condition.values);
        const notValues = asArray(condition.notValues);
        if (conditionKey === "") problems.add([...path, "key"], `${prefix}\`key\` must not be empty`);
        else if (values.length === 0 && notValues.length === 0) problems.add(path, `${prefix}at least one of \`values\` or \`notValues\` must be set for key ${conditionKey}`);
        else {
          const valueProblem = attributeProblem(conditionKey, values);
          if (valueProblem !== undefined) problems.add([...path, "values"], `${prefix}invalid \`value\` for \`key\` ${conditionKey}: ${valueProblem}`);
          const notValueProblem = attributeProblem(conditionKey, notValues);
          if (notValueProblem !== undefined) problems.add([...path, "notValues"], `${prefix}invalid \`notValue\` for \`key\` ${conditionKey}: ${notValueProblem}`);
        }
      }
    }
    return problems.list;
  },
};

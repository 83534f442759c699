import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { key } from "../../../field-path.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { asArray, asObject, asString, at, isSet } from "../../../support/values.ts";

const DRY_RUN = "istio.io/dry-run";
const CUSTOM_UNSUPPORTED_SOURCES: readonly (readonly [string, string])[] = [
  ["namespaces", "From.Namespaces"],
  ["notNamespaces", "From.NotNamespaces"],
  ["principals", "From.Principals"],
  ["notPrincipals", "From.NotPrincipals"],
  ["requestPrincipals", "From.RequestPrincipals"],
  ["notRequestPrincipals", "From.NotRequestPrincipals"],
];

/**
 * istiod's action checks of an AuthorizationPolicy: DENY and CUSTOM need `rules` (an empty rule `{}` matches every
 * request); CUSTOM names a provider and uses no source identities or identity conditions; `provider` only with
 * CUSTOM; the `istio.io/dry-run` annotation is a boolean and only on ALLOW or DENY policies.
 */
export const authorizationPolicyAction: ObjectRule = {
  id: "authorization-policy-action",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "AuthorizationPolicy DENY and CUSTOM actions have rules, CUSTOM names a provider and no source identities, `provider` appears only with CUSTOM, and dry-run annotations are booleans on ALLOW or DENY.",
  upstreamMessage:
    'admission webhook "validation.istio.io" denied the request: configuration is invalid: invalid policy web.shop: DENY action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request',
  kinds: new Set(["AuthorizationPolicy"]),
  check(object) {
    const spec = istioSpec(object, "security.istio.io", "AuthorizationPolicy");
    if (spec === undefined) return [];
    const problems = new Problems();
    const namespace = object.namespace ?? "";
    const prefix = `invalid policy ${object.name}.${namespace}: `;
    const action = asString(spec.action) ?? "ALLOW";
    const dryRun = asObject(at(object.object, "metadata", "annotations"))?.[DRY_RUN];
    if (dryRun !== undefined) {
      const annotationPath: FieldPath = ["metadata", "annotations", key(DRY_RUN)];
      if (action !== "ALLOW" && action !== "DENY") {
        problems.add(annotationPath, `the annotation ${DRY_RUN} currently only supports action ALLOW/DENY, found action ${action} in ${namespace}/${object.name}`);
      } else if (!["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"].includes(String(dryRun))) {
        problems.add(annotationPath, `${namespace}/${object.name} has annotation ${DRY_RUN} with invalid value (${String(dryRun)}): strconv.ParseBool: parsing ${JSON.stringify(String(dryRun))}: invalid syntax`);
      }
    }
    const noRules = !isSet(spec.rules);
    const noRulesMessage = "action without `rules` is meaningless as it will never be triggered, add an empty rule `{}` if you want it be triggered for every request";
    if (action === "CUSTOM") {
      if (noRules) problems.add(["spec"], `${prefix}CUSTOM ${noRulesMessage}`);
      else if ((asString(asObject(spec.provider)?.name) ?? "") === "") problems.add(["spec", "provider"], `${prefix}\`provider.name\` must not be empty`);
      for (const [i, entry] of asArray(spec.rules).entries()) {
        const rule = asObject(entry) ?? {};
        for (const [j, from] of asArray(rule.from).entries()) {
          const source = asObject(asObject(from)?.source);
          for (const [field, name] of CUSTOM_UNSUPPORTED_SOURCES) {
            if (source !== undefined && asArray(source[field]).length > 0) problems.add(["spec", "rules", i, "from", j, "source", field], `${prefix}${name} is currently not supported with CUSTOM action`);
          }
        }
        for (const [j, when] of asArray(rule.when).entries()) {
          const conditionKey = asString(asObject(when)?.key) ?? "";
          if (conditionKey === "source.namespace" || conditionKey === "source.principal" || conditionKey.startsWith("request.auth.")) {
            problems.add(["spec", "rules", i, "when", j, "key"], `${prefix}${conditionKey} is currently not supported with CUSTOM action`);
          }
        }
      }
    }
    if (isSet(spec.provider) && action !== "CUSTOM") problems.add(["spec", "provider"], `${prefix}\`provider\` must not be with non CUSTOM action, found ${action}`);
    if (action === "DENY" && noRules) problems.add(["spec"], `${prefix}DENY ${noRulesMessage}`);
    return problems.list;
  },
};

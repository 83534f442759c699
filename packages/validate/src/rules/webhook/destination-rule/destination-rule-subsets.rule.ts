import { key } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { isIstioDns1123Label, validateLabelMap } from "../../../support/istio/names.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

/** istiod's subset checks of a DestinationRule: unique DNS-label names and valid label pairs. */
export const destinationRuleSubsets: ObjectRule = {
  id: "destination-rule-subsets",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "DestinationRule subsets have unique, non-empty DNS-label names and valid label keys and values.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: duplicate subset names: v1',
  kinds: new Set(["DestinationRule"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "DestinationRule");
    if (spec === undefined) return [];
    const problems = new Problems();
    const names = new Set<string>();
    for (const [i, entry] of asArray(spec.subsets).entries()) {
      const subset = asObject(entry);
      if (subset === undefined) continue;
      const name = asString(subset.name) ?? "";
      const path = ["spec", "subsets", i];
      if (names.has(name)) problems.add([...path, "name"], `duplicate subset names: ${name}`);
      names.add(name);
      if (name === "") problems.add([...path, "name"], "subset name cannot be empty");
      else if (!isIstioDns1123Label(name)) problems.add([...path, "name"], `subset name is invalid: ${name}`);
      for (const { key: label, message } of validateLabelMap(asObject(subset.labels) ?? {})) problems.add([...path, "labels", key(label)], message);
    }
    return problems.list;
  },
};

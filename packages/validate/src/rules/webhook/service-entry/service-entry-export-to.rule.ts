import type { ObjectRule } from "../../../rule.ts";
import { effectiveNamespace } from "../../../manifest-object.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkExportTo } from "../../../support/istio/policy-fields.ts";

/** istiod's `exportTo` checks of a ServiceEntry: `.`, `*`, namespaces or `~` (alone), no duplicates, `*` alone. */
export const serviceEntryExportTo: ObjectRule = {
  id: "service-entry-export-to",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "ServiceEntry `exportTo` lists `.`, `*` or namespaces without duplicates, with `*` and `~` (no one) alone.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: cannot export service entry to no one (~) and someone',
  kinds: new Set(["ServiceEntry"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "ServiceEntry");
    if (spec === undefined) return [];
    const problems = new Problems();
    checkExportTo(spec, effectiveNamespace(object), problems, { serviceEntry: true });
    return problems.list;
  },
};

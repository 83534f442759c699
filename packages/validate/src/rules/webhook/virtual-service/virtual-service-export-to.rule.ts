import type { ObjectRule } from "../../../rule.ts";
import { effectiveNamespace } from "../../../manifest-object.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { checkExportTo } from "../../../support/istio/policy-fields.ts";

/** istiod's `exportTo` checks of a VirtualService: `.`, `*` or namespace names, no duplicates, `*` alone. */
export const virtualServiceExportTo: ObjectRule = {
  id: "virtual-service-export-to",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "VirtualService `exportTo` lists `.`, `*` or namespace names, without duplicates, and `*` alone.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: only .,*,~, or a valid DNS 1123 label is allowed as exportTo entry',
  kinds: new Set(["VirtualService"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "VirtualService");
    if (spec === undefined) return [];
    const problems = new Problems();
    checkExportTo(spec, effectiveNamespace(object), problems);
    return problems.list;
  },
};

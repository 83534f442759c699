import { key } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { invalid, isDns1123Subdomain } from "../../../support/apiserver-validation.ts";
import { asString, at } from "../../../support/values.ts";

const CLASS_ANNOTATION = "kubernetes.io/ingress.class";

/**
 * An Ingress's `ingressClassName` is a DNS-1123 subdomain and, when the deprecated `kubernetes.io/ingress.class`
 * annotation is set too, equal to it (Kubernetes 1.27 and later accept both when they agree).
 */
export const ingressClassName: ObjectRule = {
  id: "ingress-class-name",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "An Ingress's ingressClassName is a valid IngressClass name and matches the kubernetes.io/ingress.class annotation when both are set.",
  upstreamMessage: 'annotations.kubernetes.io/ingress.class: Invalid value: "nginx": must match `ingressClassName` when both are specified',
  kinds: new Set(["Ingress"]),
  check(object) {
    if (object.kind !== "Ingress" || apiGroup(object.apiVersion) !== "networking.k8s.io") return [];
    const className = asString(at(object.object, "spec", "ingressClassName"));
    if (className === undefined) return [];
    const problems: RuleProblem[] = [];
    for (const message of isDns1123Subdomain(className)) problems.push({ path: ["spec", "ingressClassName"], message: invalid(className, message) });
    const annotation = asString(at(object.object, "metadata", "annotations", key(CLASS_ANNOTATION)));
    // The apiserver names this field `annotations.<key>`, without `metadata.`.
    if (annotation !== undefined && annotation !== className) {
      problems.push({ path: ["annotations", CLASS_ANNOTATION], message: invalid(annotation, "must match `ingressClassName` when both are specified") });
    }
    return problems;
  },
};

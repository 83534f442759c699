import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { invalid, isQualifiedName } from "../../../support/apiserver-validation.ts";
import { asArray, at } from "../../../support/values.ts";

/** The finalizers Kubernetes knows by a bare name. */
const STANDARD_FINALIZERS: ReadonlySet<string> = new Set(["kubernetes", "orphan", "foregroundDeletion"]);

/**
 * A Namespace's `spec.finalizers` are qualified names, and a name without a prefix is a standard one (`kubernetes`,
 * `orphan`, `foregroundDeletion`). The apiserver reports them at `spec.finalizers`, without an index.
 */
export const namespaceFinalizers: ObjectRule = {
  id: "namespace-finalizers",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "Namespace spec.finalizers are qualified names, and unprefixed ones are standard finalizers.",
  upstreamMessage: 'spec.finalizers: Invalid value: "cleanup": name is neither a standard finalizer name nor is it fully qualified',
  kinds: new Set(["Namespace"]),
  check(object) {
    if (object.kind !== "Namespace" || object.apiVersion !== "v1") return [];
    const problems: RuleProblem[] = [];
    for (const finalizer of asArray(at(object.object, "spec", "finalizers"))) {
      if (typeof finalizer !== "string") continue;
      for (const message of isQualifiedName(finalizer)) problems.push({ path: ["spec", "finalizers"], message: invalid(finalizer, message) });
      if (!finalizer.includes("/") && !STANDARD_FINALIZERS.has(finalizer)) {
        problems.push({ path: ["spec", "finalizers"], message: invalid(finalizer, "name is neither a standard finalizer name nor is it fully qualified") });
      }
    }
    return problems;
  },
};

import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule, RuleProblem } from "../../../rule.ts";
import { apiGroup } from "../../../schema/kind-catalog.ts";
import { forbidden, invalid, isDns1123Label, isDns1123Subdomain, isHttpPath, notSupported, required } from "../../../support/apiserver-validation.ts";
import { typedLocalObjectReferenceProblems } from "../../../support/networking.ts";
import { asObject, asString } from "../../../support/values.ts";

const MAX_CONTROLLER_LENGTH = 250;
const SCOPES = ["Cluster", "Namespace"];

/** IsDomainPrefixedPath: `<DNS-1123 subdomain>/<HTTP path>`. */
function controllerProblems(controller: string, path: FieldPath): RuleProblem[] {
  if (controller === "") return [{ path, message: required() }];
  const slash = controller.indexOf("/");
  const host = slash < 0 ? controller : controller.slice(0, slash);
  const rest = slash < 0 ? "" : controller.slice(slash + 1);
  if (slash < 0 || host === "" || rest === "") return [{ path, message: invalid(controller, 'must be a domain-prefixed path (such as "acme.io/foo")') }];
  const problems = isDns1123Subdomain(host).map((message) => ({ path, message: invalid(host, message) }));
  for (const message of isHttpPath(rest)) problems.push({ path, message: invalid(rest, message) });
  return problems;
}

/** validateIngressClassParametersReference (the scope defaults to `Cluster`). */
function parametersProblems(parameters: unknown, path: FieldPath): RuleProblem[] {
  const object = asObject(parameters);
  if (object === undefined) return [];
  const problems = typedLocalObjectReferenceProblems(object, path);
  const scope = asString(object.scope);
  if (scope === undefined) return [...problems, { path: [...path, "scope"], message: required() }];
  const namespace = asString(object.namespace);
  if (!SCOPES.includes(scope)) problems.push({ path: [...path, "scope"], message: notSupported(scope, SCOPES) });
  else if (scope === "Namespace" && namespace === undefined) problems.push({ path: [...path, "namespace"], message: required("`parameters.scope` is set to 'Namespace'") });
  else if (scope === "Namespace" && namespace !== undefined) {
    for (const message of isDns1123Label(namespace)) problems.push({ path: [...path, "namespace"], message: invalid(namespace, message) });
  } else if (scope === "Cluster" && namespace !== undefined) problems.push({ path: [...path, "namespace"], message: forbidden("`parameters.scope` is set to 'Cluster'") });
  return problems;
}

/**
 * An IngressClass names its controller as a domain-prefixed path (`example.com/ingress-controller`, at most 250
 * characters); a parameters reference has a kind and a name, a scope of `Cluster` or `Namespace`, and a namespace
 * exactly when the scope is `Namespace`.
 */
export const ingressClassSpec: ObjectRule = {
  id: "ingress-class-spec",
  category: "apiserver",
  scope: "object",
  severity: "error",
  description: "An IngressClass's controller is a domain-prefixed path of at most 250 characters, and its parameters reference is complete and consistently scoped.",
  upstreamMessage: 'spec.controller: Invalid value: "nginx": must be a domain-prefixed path (such as "acme.io/foo")',
  kinds: new Set(["IngressClass"]),
  check(object) {
    if (object.kind !== "IngressClass" || apiGroup(object.apiVersion) !== "networking.k8s.io") return [];
    const spec = asObject(object.object.spec) ?? {};
    const controller = asString(spec.controller) ?? "";
    const problems: RuleProblem[] = [];
    if (controller.length > MAX_CONTROLLER_LENGTH) problems.push({ path: ["spec", "controller"], message: `Too long: must have at most ${MAX_CONTROLLER_LENGTH} bytes` });
    problems.push(...controllerProblems(controller, ["spec", "controller"]));
    problems.push(...parametersProblems(spec.parameters, ["spec", "parameters"]));
    return problems;
  },
};

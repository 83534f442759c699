import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { asArray, asObject, asString } from "../../../support/values.ts";

const CLOSERS: Readonly<Record<string, string>> = { ")": "(", "]": "[", "}": "{" };

/**
 * The syntax problems of a CEL expression this gate can see without a CEL parser: an empty expression, an
 * unterminated string, unbalanced brackets; `undefined` when none (istiod's full parse may still reject it).
 */
function celSyntaxProblem(expression: string): string | undefined {
  if (expression.trim() === "") return "Syntax error: mismatched input '<EOF>'";
  const stack: string[] = [];
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i]!;
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < expression.length && expression[j] !== ch) j += expression[j] === "\\" ? 2 : 1;
      if (j >= expression.length) return `Syntax error: token recognition error at: '${expression.slice(i)}'`;
      i = j;
    } else if (ch === "(" || ch === "[" || ch === "{") {
      stack.push(ch);
    } else if (ch in CLOSERS) {
      if (stack.pop() !== CLOSERS[ch]) return `Syntax error: extraneous input '${ch}'`;
    }
  }
  return stack.length > 0 ? "Syntax error: missing closing bracket at '<EOF>'" : undefined;
}

/**
 * istiod's access logging checks of a Telemetry (`validateTelemetryFilter`): a filter expression parses as CEL.
 * This gate checks the basics only (non-empty, terminated strings, balanced brackets).
 */
export const telemetryAccessLogging: ObjectRule = {
  id: "telemetry-access-logging",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "Telemetry access logging filters are non-empty CEL expressions with terminated strings and balanced brackets.",
  upstreamMessage: "admission webhook \"validation.istio.io\" denied the request: configuration is invalid: must be a valid CEL expression, ERROR: <input>:1:27: Syntax error: mismatched input '<EOF>'",
  kinds: new Set(["Telemetry"]),
  check(object) {
    const spec = istioSpec(object, "telemetry.istio.io", "Telemetry");
    if (spec === undefined) return [];
    const problems = new Problems();
    for (const [i, entry] of asArray(spec.accessLogging).entries()) {
      const filter = asObject(asObject(entry)?.filter);
      if (filter === undefined) continue;
      const problem = celSyntaxProblem(asString(filter.expression) ?? "");
      if (problem !== undefined) problems.add(["spec", "accessLogging", i, "filter", "expression"], `must be a valid CEL expression, ${problem}`);
    }
    return problems.list;
  },
};

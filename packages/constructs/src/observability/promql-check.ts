import type { SyntaxNode } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";
import { isEmittedMetric } from "./emitted-metrics.ts";

/** The text of a string literal (`"…"`, `'…'` or `` `…` ``); the names checked here contain no escapes. */
function literal(text: string): string {
  return text.slice(1, -1);
}

function child(node: SyntaxNode, name: string): SyntaxNode | null {
  return node.getChild(name);
}

/** The metric a vector selector names, or why it cannot be checked. */
function selectedMetric(node: SyntaxNode, text: (n: SyntaxNode) => string): { name: string } | { problem: string } {
  const identifier = child(node, "Identifier");
  if (identifier !== null) return { name: text(identifier) };
  const matchers = child(node, "LabelMatchers");
  const quoted = matchers === null ? null : child(matchers, "QuotedLabelName");
  if (quoted !== null) return { name: literal(text(quoted)) };
  for (const matcher of matchers?.getChildren("UnquotedLabelMatcher") ?? []) {
    const label = child(matcher, "LabelName");
    if (label === null || text(label) !== "__name__") continue;
    const op = child(matcher, "MatchOp");
    const value = child(matcher, "StringLiteral");
    if (op?.firstChild?.name !== "EqlSingle" || value === null) {
      return { problem: `"${text(node)}" matches metric names by a pattern, which cannot be checked against the emitted metrics` };
    }
    return { name: literal(text(value)) };
  }
  return { problem: `"${text(node)}" selects series of any metric; name the metric` };
}

/**
 * What is wrong with a PromQL expression: syntax errors (from the Prometheus project's own Lezer grammar of PromQL,
 * the parser of its web UI) and, when it parses, every metric it selects that the platform does not emit (see
 * `EMITTED_METRICS`). Empty when the expression is sound. Pure.
 */
export function promqlProblems(expression: string): string[] {
  if (expression.trim() === "") return ["is empty"];
  const tree = parser.parse(expression);
  const text = (node: SyntaxNode) => expression.slice(node.from, node.to);
  const syntax: string[] = [];
  tree.iterate({
    enter(ref) {
      if (!ref.type.isError) return;
      const at = ref.from >= expression.length ? "the end" : `column ${ref.from + 1} ("${expression.slice(ref.from, ref.from + 20)}")`;
      syntax.push(`does not parse: unexpected input at ${at}`);
    },
  });
  // The first error explains the rest, which only follow from it.
  if (syntax.length > 0) return [syntax[0]!];
  const problems: string[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== "VectorSelector") return;
      const found = selectedMetric(ref.node, text);
      if ("problem" in found) problems.push(found.problem);
      else if (!isEmittedMetric(found.name)) problems.push(`"${found.name}" is not a metric the platform emits (EMITTED_METRICS)`);
    },
  });
  return [...new Set(problems)];
}

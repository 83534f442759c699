import type { SyntaxNode, Tree } from "@lezer/common";
import { parser } from "@prometheus-io/lezer-promql";
import { isEmittedMetric } from "./emitted-metrics.ts";

/** The text of a string literal (`"…"`, `'…'` or `` `…` ``); the names checked here contain no escapes. */
function literal(text: string): string {
  return text.slice(1, -1);
}

/** Where a vector selector's metric name is: its identifier, the n-th string literal of the expression, or nowhere. */
type MetricSource = { readonly name: string } | { readonly literal: number } | { readonly problem: "pattern" | "nameless"; readonly text: string };

/** Where the string literals of a parsed expression start, in document order. */
function literalPositions(tree: Tree): number[] {
  const positions: number[] = [];
  tree.iterate({ enter: (ref) => void (ref.name === "StringLiteral" && positions.push(ref.from)) });
  return positions;
}

/** Every vector selector's metric source, in document order. */
function metricSources(tree: Tree, text: (node: SyntaxNode) => string): MetricSource[] {
  const literals = literalPositions(tree);
  const ordinal = (node: SyntaxNode) => ({ literal: literals.indexOf(node.from) });
  const sources: MetricSource[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.name !== "VectorSelector") return;
      const node = ref.node;
      const identifier = node.getChild("Identifier");
      if (identifier !== null) return void sources.push({ name: text(identifier) });
      const matchers = node.getChild("LabelMatchers");
      const quoted = matchers?.getChild("QuotedLabelName")?.getChild("StringLiteral");
      if (quoted != null) return void sources.push(ordinal(quoted));
      for (const matcher of matchers?.getChildren("UnquotedLabelMatcher") ?? []) {
        const label = matcher.getChild("LabelName");
        if (label === null || text(label) !== "__name__") continue;
        const value = matcher.getChild("StringLiteral");
        if (matcher.getChild("MatchOp")?.firstChild?.name !== "EqlSingle" || value === null) return void sources.push({ problem: "pattern", text: text(node) });
        return void sources.push(ordinal(value));
      }
      sources.push({ problem: "nameless", text: text(node) });
    },
  });
  return sources;
}

function syntaxProblem(tree: Tree, expression: string): string | undefined {
  let at: number | undefined;
  tree.iterate({ enter: (ref) => (at === undefined && ref.type.isError ? void (at = ref.from) : undefined) });
  if (at === undefined) return undefined;
  return `does not parse: unexpected input at ${at >= expression.length ? "the end" : `column ${at + 1} ("${expression.slice(at, at + 20)}")`}`;
}

/** The problems of an expression, from a parse of the expression itself. */
function problemsOfParse(expression: string): string[] {
  const tree = parser.parse(expression);
  // The first syntax error explains the rest, which only follow from it.
  const syntax = syntaxProblem(tree, expression);
  if (syntax !== undefined) return [syntax];
  const text = (node: SyntaxNode) => expression.slice(node.from, node.to);
  const literals: string[] = [];
  tree.iterate({ enter: (ref) => void (ref.name === "StringLiteral" && literals.push(expression.slice(ref.from, ref.to))) });
  return unique(metricSources(tree, text).flatMap((source) => sourceProblems(source, literals)));
}

function sourceProblems(source: MetricSource, literals: readonly string[]): string[] {
  if ("problem" in source) {
    return [
      source.problem === "pattern"
        ? `"${source.text}" matches metric names by a pattern, which cannot be checked against the emitted metrics`
        : `"${source.text}" selects series of any metric; name the metric`,
    ];
  }
  const name = "name" in source ? source.name : literal(literals[source.literal] ?? '""');
  return isEmittedMetric(name) ? [] : [`"${name}" is not a metric the platform emits (EMITTED_METRICS)`];
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/**
 * PromQL string literals, as the grammar tokenizes them (double or single quotes with backslash escapes, backticks
 * raw). Their contents never change how an expression parses: only where the literals are.
 */
const STRING_LITERAL = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`/g;

/** A sound expression shape: its metric sources, and how many string literals the grammar found in it. */
interface Shape {
  readonly sources: readonly MetricSource[];
  readonly literals: number;
}

/**
 * The shapes already parsed: an expression with every string literal emptied (`"shop"` → `""`). A platform's alerts
 * and dashboards repeat a few shapes with different label values, so each shape is parsed once. `undefined`: the
 * shape has a problem, and the expression itself is parsed to report it.
 */
const shapes = new Map<string, Shape | undefined>();
const MAX_SHAPES = 10_000;

function shapeOf(shape: string): Shape | undefined {
  if (shapes.has(shape)) return shapes.get(shape);
  const tree = parser.parse(shape);
  const sources = syntaxProblem(tree, shape) === undefined ? metricSources(tree, (n) => shape.slice(n.from, n.to)) : undefined;
  const sound = sources !== undefined && sources.every((s) => !("problem" in s)) ? { sources, literals: literalPositions(tree).length } : undefined;
  if (shapes.size >= MAX_SHAPES) shapes.clear();
  shapes.set(shape, sound);
  return sound;
}

/**
 * What is wrong with a PromQL expression: syntax errors (from the Prometheus project's own Lezer grammar of PromQL,
 * the parser of its web UI) and, when it parses, every metric it selects that the platform does not emit (see
 * `EMITTED_METRICS`), or a selector whose metric cannot be known. Empty when the expression is sound. Pure: the
 * parse of each expression shape is remembered, which changes nothing but the time it takes.
 */
export function promqlProblems(expression: string): string[] {
  if (expression.trim() === "") return ["is empty"];
  // A comment could hide a quote from the literal pattern: parse such an expression as it is.
  if (expression.includes("#")) return problemsOfParse(expression);
  const literals = [...expression.matchAll(STRING_LITERAL)].map((m) => m[0]);
  const shape = shapeOf(expression.replace(STRING_LITERAL, '""'));
  // The literal pattern and the grammar must agree on the literals; if ever not, trust the grammar.
  if (shape === undefined || shape.literals !== literals.length) return problemsOfParse(expression);
  return unique(shape.sources.flatMap((source) => sourceProblems(source, literals)));
}

import type { SourceRule } from "../../rule.ts";

/** Layer 1: the file is YAML. A document with a syntax error is left out of every later layer. */
export const yamlSyntax: SourceRule = {
  id: "yaml-syntax",
  category: "syntax",
  scope: "source",
  severity: "error",
  description: "Every file parses as YAML (one or more documents), and no mapping repeats a key.",
  upstreamMessage: 'strict decoding error: yaml: unmarshal errors: line N: key "x" already set in map',
  check: (source) => source.syntaxProblems,
};

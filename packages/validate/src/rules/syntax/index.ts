import type { Rule } from "../../rule.ts";
import { yamlSyntax } from "./yaml-syntax.rule.ts";

/** The rules of `rules/syntax/`, in the order they run. */
export const SYNTAX_RULES: readonly Rule[] = [yamlSyntax];

import type { Rule } from "../../../rule.ts";
import { secretReference } from "./secret-reference.rule.ts";

/** The rules of `rules/analysis/secrets/`, in the order they run. */
export const ANALYSIS_SECRETS_RULES: readonly Rule[] = [secretReference];

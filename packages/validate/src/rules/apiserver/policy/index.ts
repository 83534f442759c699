import type { Rule } from "../../../rule.ts";
import { pdbBudget } from "./pdb-budget.rule.ts";

/** The rules of `rules/apiserver/policy/`, in the order they run. */
export const APISERVER_POLICY_RULES: readonly Rule[] = [pdbBudget];

import type { Rule } from "../../../rule.ts";

/** The rules of `rules/apiserver/batch/`, in the order they run. */
export const APISERVER_BATCH_RULES: readonly Rule[] = [];

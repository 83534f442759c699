import type { Rule } from "../../rule.ts";

/** The rules of `rules/webhook/`, in the order they run. */
export const WEBHOOK_RULES: readonly Rule[] = [];

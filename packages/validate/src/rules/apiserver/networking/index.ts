import type { Rule } from "../../../rule.ts";

/** The rules of `rules/apiserver/networking/`, in the order they run. */
export const APISERVER_NETWORKING_RULES: readonly Rule[] = [];

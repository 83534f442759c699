import type { Rule } from "../../../rule.ts";

/** The rules of `rules/apiserver/rbac/`, in the order they run. */
export const APISERVER_RBAC_RULES: readonly Rule[] = [];

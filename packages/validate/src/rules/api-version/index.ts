import type { Rule } from "../../rule.ts";
import { apiVersionDeprecated } from "./api-version-deprecated.rule.ts";
import { apiVersionServed } from "./api-version-served.rule.ts";

/** The rules of `rules/api-version/`, in the order they run. */
export const API_VERSION_RULES: readonly Rule[] = [apiVersionServed, apiVersionDeprecated];

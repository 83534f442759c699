import type { Rule } from "../../../rule.ts";
import { requestAuthenticationJwtRules } from "./request-authentication-jwt-rules.rule.ts";
import { requestAuthenticationTarget } from "./request-authentication-target.rule.ts";

/** The rules of `rules/webhook/request-authentication/`, in the order they run. */
export const WEBHOOK_REQUEST_AUTHENTICATION_RULES: readonly Rule[] = [requestAuthenticationTarget, requestAuthenticationJwtRules];

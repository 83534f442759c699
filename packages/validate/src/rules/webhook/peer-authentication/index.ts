import type { Rule } from "../../../rule.ts";
import { peerAuthenticationPortLevelMtls } from "./peer-authentication-port-level-mtls.rule.ts";

/** The rules of `rules/webhook/peer-authentication/`, in the order they run. */
export const WEBHOOK_PEER_AUTHENTICATION_RULES: readonly Rule[] = [peerAuthenticationPortLevelMtls];

import type { Rule } from "../../../rule.ts";
import { gatewayName } from "./gateway-name.rule.ts";
import { gatewayServers } from "./gateway-servers.rule.ts";
import { gatewayTls } from "./gateway-tls.rule.ts";

/** The rules of `rules/webhook/gateway/` (Istio's `networking.istio.io` Gateway), in the order they run. */
export const WEBHOOK_GATEWAY_RULES: readonly Rule[] = [gatewayName, gatewayServers, gatewayTls];

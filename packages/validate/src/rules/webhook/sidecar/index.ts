import type { Rule } from "../../../rule.ts";
import { sidecarConfig } from "./sidecar-config.rule.ts";
import { sidecarEgress } from "./sidecar-egress.rule.ts";
import { sidecarIngress } from "./sidecar-ingress.rule.ts";
import { sidecarOutboundTrafficPolicy } from "./sidecar-outbound-traffic-policy.rule.ts";

/** The rules of `rules/webhook/sidecar/`, in the order they run. */
export const WEBHOOK_SIDECAR_RULES: readonly Rule[] = [sidecarConfig, sidecarIngress, sidecarEgress, sidecarOutboundTrafficPolicy];

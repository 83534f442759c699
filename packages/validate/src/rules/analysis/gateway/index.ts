import type { Rule } from "../../../rule.ts";
import { gatewayConflict } from "./gateway-conflict.rule.ts";
import { gatewayDuplicateCertificate } from "./gateway-duplicate-certificate.rule.ts";
import { gatewayPortNotOnService } from "./gateway-port-not-on-service.rule.ts";
import { gatewaySelectorNoWorkload } from "./gateway-selector-no-workload.rule.ts";

/** The rules of `rules/analysis/gateway/`, in the order they run. */
export const ANALYSIS_GATEWAY_RULES: readonly Rule[] = [gatewaySelectorNoWorkload, gatewayPortNotOnService, gatewayDuplicateCertificate, gatewayConflict];

import type { Rule } from "../../../rule.ts";
import { virtualServiceGatewayNotFound } from "./virtual-service-gateway-not-found.rule.ts";
import { virtualServiceHostConflict } from "./virtual-service-host-conflict.rule.ts";
import { virtualServiceHostNotFound } from "./virtual-service-host-not-found.rule.ts";
import { virtualServiceSubsetNotFound } from "./virtual-service-subset-not-found.rule.ts";

/** The rules of `rules/analysis/virtual-service/`, in the order they run. */
export const ANALYSIS_VIRTUAL_SERVICE_RULES: readonly Rule[] = [virtualServiceHostNotFound, virtualServiceSubsetNotFound, virtualServiceGatewayNotFound, virtualServiceHostConflict];

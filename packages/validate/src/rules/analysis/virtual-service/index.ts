import type { Rule } from "../../../rule.ts";
import { virtualServiceDestinationPortRequired } from "./virtual-service-destination-port-required.rule.ts";
import { virtualServiceGatewayNotFound } from "./virtual-service-gateway-not-found.rule.ts";
import { virtualServiceHostConflict } from "./virtual-service-host-conflict.rule.ts";
import { virtualServiceHostNotFound } from "./virtual-service-host-not-found.rule.ts";
import { virtualServiceHostNotInGateway } from "./virtual-service-host-not-in-gateway.rule.ts";
import { virtualServiceIneffectiveMatch } from "./virtual-service-ineffective-match.rule.ts";
import { virtualServiceIngressSubsetIgnored } from "./virtual-service-ingress-subset-ignored.rule.ts";
import { virtualServiceInternalGateway } from "./virtual-service-internal-gateway.rule.ts";
import { virtualServiceJwtClaimRouteUnauthenticated } from "./virtual-service-jwt-claim-route-unauthenticated.rule.ts";
import { virtualServiceSubsetNotFound } from "./virtual-service-subset-not-found.rule.ts";
import { virtualServiceUnreachableRule } from "./virtual-service-unreachable-rule.rule.ts";

/** The rules of `rules/analysis/virtual-service/`, in the order they run. */
export const ANALYSIS_VIRTUAL_SERVICE_RULES: readonly Rule[] = [
  virtualServiceHostNotFound,
  virtualServiceSubsetNotFound,
  virtualServiceDestinationPortRequired,
  virtualServiceGatewayNotFound,
  virtualServiceInternalGateway,
  virtualServiceHostNotInGateway,
  virtualServiceHostConflict,
  virtualServiceIngressSubsetIgnored,
  virtualServiceJwtClaimRouteUnauthenticated,
  virtualServiceUnreachableRule,
  virtualServiceIneffectiveMatch,
];

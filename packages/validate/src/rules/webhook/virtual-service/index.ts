import type { Rule } from "../../../rule.ts";
import { virtualServiceCors } from "./virtual-service-cors.rule.ts";
import { virtualServiceDestination } from "./virtual-service-destination.rule.ts";
import { virtualServiceDurations } from "./virtual-service-durations.rule.ts";
import { virtualServiceExportTo } from "./virtual-service-export-to.rule.ts";
import { virtualServiceFault } from "./virtual-service-fault.rule.ts";
import { virtualServiceGateways } from "./virtual-service-gateways.rule.ts";
import { virtualServiceHeaders } from "./virtual-service-headers.rule.ts";
import { virtualServiceHosts } from "./virtual-service-hosts.rule.ts";
import { virtualServiceHttpRoute } from "./virtual-service-http-route.rule.ts";
import { virtualServiceL4Route } from "./virtual-service-l4-route.rule.ts";
import { virtualServiceMatch } from "./virtual-service-match.rule.ts";
import { virtualServiceMirror } from "./virtual-service-mirror.rule.ts";
import { virtualServiceRetries } from "./virtual-service-retries.rule.ts";

/** The rules of `rules/webhook/virtual-service/`, in the order they run. */
export const WEBHOOK_VIRTUAL_SERVICE_RULES: readonly Rule[] = [
  virtualServiceHosts,
  virtualServiceGateways,
  virtualServiceHttpRoute,
  virtualServiceMatch,
  virtualServiceDestination,
  virtualServiceL4Route,
  virtualServiceHeaders,
  virtualServiceDurations,
  virtualServiceRetries,
  virtualServiceFault,
  virtualServiceCors,
  virtualServiceMirror,
  virtualServiceExportTo,
];

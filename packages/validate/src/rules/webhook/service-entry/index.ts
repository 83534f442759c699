import type { Rule } from "../../../rule.ts";
import { serviceEntryAddresses } from "./service-entry-addresses.rule.ts";
import { serviceEntryEndpoints } from "./service-entry-endpoints.rule.ts";
import { serviceEntryExportTo } from "./service-entry-export-to.rule.ts";
import { serviceEntryHosts } from "./service-entry-hosts.rule.ts";
import { serviceEntryPorts } from "./service-entry-ports.rule.ts";

/** The rules of `rules/webhook/service-entry/`, in the order they run. */
export const WEBHOOK_SERVICE_ENTRY_RULES: readonly Rule[] = [serviceEntryHosts, serviceEntryAddresses, serviceEntryPorts, serviceEntryEndpoints, serviceEntryExportTo];

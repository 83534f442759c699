import type { Rule } from "../../../rule.ts";
import { serviceEntryAddressesRequired } from "./service-entry-addresses-required.rule.ts";
import { serviceEntryProtocolConflict } from "./service-entry-protocol-conflict.rule.ts";

/** The rules of `rules/analysis/service-entry/`, in the order they run. */
export const ANALYSIS_SERVICE_ENTRY_RULES: readonly Rule[] = [serviceEntryAddressesRequired, serviceEntryProtocolConflict];

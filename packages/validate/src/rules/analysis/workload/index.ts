import type { Rule } from "../../../rule.ts";
import { applicationUidReserved } from "./application-uid-reserved.rule.ts";
import { deploymentConflictingPorts } from "./deployment-conflicting-ports.rule.ts";
import { deploymentMultipleServiceProtocols } from "./deployment-multiple-service-protocols.rule.ts";
import { externalNamePortName } from "./external-name-port-name.rule.ts";
import { namespaceMultipleInjectionLabels } from "./namespace-multiple-injection-labels.rule.ts";
import { servicePortProtocol } from "./service-port-protocol.rule.ts";

/** The rules of `rules/analysis/workload/`, in the order they run. */
export const ANALYSIS_WORKLOAD_RULES: readonly Rule[] = [
  servicePortProtocol,
  externalNamePortName,
  deploymentMultipleServiceProtocols,
  deploymentConflictingPorts,
  applicationUidReserved,
  namespaceMultipleInjectionLabels,
];

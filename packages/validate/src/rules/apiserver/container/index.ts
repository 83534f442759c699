import type { Rule } from "../../../rule.ts";
import { containerName } from "./container-name.rule.ts";
import { containerPortName } from "./container-port-name.rule.ts";
import { envValueSource } from "./env-value-source.rule.ts";
import { envVarName } from "./env-var-name.rule.ts";
import { portRange } from "./port-range.rule.ts";
import { probeHandler } from "./probe-handler.rule.ts";
import { probeSuccessThreshold } from "./probe-success-threshold.rule.ts";
import { requestsWithinLimits } from "./requests-within-limits.rule.ts";

/** The rules of `rules/apiserver/container/`, in the order they run. */
export const APISERVER_CONTAINER_RULES: readonly Rule[] = [containerName, containerPortName, portRange, envVarName, envValueSource, requestsWithinLimits, probeHandler, probeSuccessThreshold];

import type { Rule } from "../../../rule.ts";
import { containerApparmorAnnotation } from "./container-apparmor-annotation.rule.ts";
import { containerImage } from "./container-image.rule.ts";
import { containerName } from "./container-name.rule.ts";
import { containerPortName } from "./container-port-name.rule.ts";
import { containerRestartPolicy } from "./container-restart-policy.rule.ts";
import { containerSeccomp } from "./container-seccomp.rule.ts";
import { containerSecurityContext } from "./container-security-context.rule.ts";
import { containersRequired } from "./containers-required.rule.ts";
import { envFieldRef } from "./env-field-ref.rule.ts";
import { envFromSource } from "./env-from-source.rule.ts";
import { envKeyRef } from "./env-key-ref.rule.ts";
import { envValueSource } from "./env-value-source.rule.ts";
import { envVarName } from "./env-var-name.rule.ts";
import { ephemeralContainerFields } from "./ephemeral-container-fields.rule.ts";
import { handlerAction } from "./handler-action.rule.ts";
import { hostPortConflict } from "./host-port-conflict.rule.ts";
import { initContainerFields } from "./init-container-fields.rule.ts";
import { portRange } from "./port-range.rule.ts";
import { probeHandler } from "./probe-handler.rule.ts";
import { probeNonNegative } from "./probe-non-negative.rule.ts";
import { probeSuccessThreshold } from "./probe-success-threshold.rule.ts";
import { probeTerminationGracePeriod } from "./probe-termination-grace-period.rule.ts";
import { requestsWithinLimits } from "./requests-within-limits.rule.ts";
import { resourceName } from "./resource-name.rule.ts";
import { resourceQuantity } from "./resource-quantity.rule.ts";

/**
 * The rules of `rules/apiserver/container/`, in the order they run (roughly the apiserver's: the container lists,
 * each container's name, image, ports, env, resources and security context, its probes and hooks, then the rules
 * for init and ephemeral containers and the pod's container annotations).
 */
export const APISERVER_CONTAINER_RULES: readonly Rule[] = [
  containersRequired,
  containerName,
  containerImage,
  containerPortName,
  portRange,
  hostPortConflict,
  envVarName,
  envValueSource,
  envFieldRef,
  envKeyRef,
  envFromSource,
  resourceName,
  resourceQuantity,
  requestsWithinLimits,
  containerSecurityContext,
  containerSeccomp,
  probeHandler,
  handlerAction,
  probeNonNegative,
  probeSuccessThreshold,
  probeTerminationGracePeriod,
  containerRestartPolicy,
  initContainerFields,
  ephemeralContainerFields,
  containerApparmorAnnotation,
];

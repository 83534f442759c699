import type { Rule } from "../../../rule.ts";
import { configmapData } from "./configmap-data.rule.ts";
import { limitRangeTypes } from "./limit-range-types.rule.ts";
import { limitRangeValues } from "./limit-range-values.rule.ts";
import { namespaceFinalizers } from "./namespace-finalizers.rule.ts";
import { pvcAccessModes } from "./pvc-access-modes.rule.ts";
import { pvcStorageClassName } from "./pvc-storage-class-name.rule.ts";
import { pvcDataSource } from "./pvc-data-source.rule.ts";
import { pvcStorageRequest } from "./pvc-storage-request.rule.ts";
import { resourceQuotaHard } from "./resource-quota-hard.rule.ts";
import { resourceQuotaScopes } from "./resource-quota-scopes.rule.ts";
import { secretData } from "./secret-data.rule.ts";
import { secretType } from "./secret-type.rule.ts";
import { serviceClusterIps } from "./service-cluster-ips.rule.ts";
import { serviceExternalIps } from "./service-external-ips.rule.ts";
import { serviceLoadBalancer } from "./service-load-balancer.rule.ts";
import { serviceNodePort } from "./service-node-port.rule.ts";
import { servicePortNames } from "./service-port-names.rule.ts";
import { servicePorts } from "./service-ports.rule.ts";
import { serviceSessionAffinity } from "./service-session-affinity.rule.ts";
import { serviceTrafficPolicy } from "./service-traffic-policy.rule.ts";
import { serviceType } from "./service-type.rule.ts";

/** The rules of `rules/apiserver/core/`, in the order they run (Services, then the other core kinds). */
export const APISERVER_CORE_RULES: readonly Rule[] = [
  serviceType,
  servicePorts,
  servicePortNames,
  serviceNodePort,
  serviceClusterIps,
  serviceSessionAffinity,
  serviceExternalIps,
  serviceTrafficPolicy,
  serviceLoadBalancer,
  configmapData,
  secretData,
  secretType,
  namespaceFinalizers,
  pvcAccessModes,
  pvcStorageRequest,
  pvcStorageClassName,
  pvcDataSource,
  resourceQuotaHard,
  resourceQuotaScopes,
  limitRangeTypes,
  limitRangeValues,
];

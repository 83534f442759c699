export * from "./spec/index.ts";
export { defineEnvironment, defineService, defineTenant } from "./define.ts";
export type { PlatformDefinition, Sourced } from "./platform-definition.ts";
export type * from "./resolved.ts";
export { resolvePlatform, type PlatformResolution } from "./resolve-platform.ts";
export { resolveEnvironment, DEFAULT_ISTIO_VERSION, DEFAULT_KUBERNETES_VERSION } from "./resolve-environment.ts";
export { resolveService, resolveScaling, parseServiceRef, DEFAULT_VERSION_NAME, DEFAULT_EGRESS_PORT, DEFAULT_EGRESS_PROTOCOL, type ResolveOptions } from "./resolve-service.ts";
export { egressEntryName } from "./egress-entry-name.ts";
export { applyOverride } from "./apply-override.ts";
export { compareEnvironments } from "./environment-order.ts";
export { STAGE_DEFAULTS, type ResolvedStageDefaults } from "./stage-defaults.ts";
export { formatSpecError, sortSpecErrors, compareStrings, type SpecError, type SpecKind } from "./spec-error.ts";
export { sortCodeUnits } from "./sort-code-units.ts";
export type { FieldProblem } from "./field-problem.ts";
export { validateAgainstSchema, type SchemaType } from "./schema-validator.ts";
export { SPEC_FORMATS, type SpecFormat } from "./formats.ts";
export { HTTP_STATUS_CODES, RETRY_ON_POLICIES } from "./envoy-retry-on.ts";
export { parseQuantity } from "./quantity.ts";
export { INSTANCE_TYPES, allocatable, reservedCpu, instanceTypesOf, type Allocatable, type InstanceTypeInfo } from "./instance-types.ts";
export { SERVICE_CHECKS, type ServiceCheck, type ServiceCheckContext } from "./checks/index.ts";
export { TENANT_CHECKS, RESERVED_TENANT_NAMES, type TenantCheck } from "./checks/tenants/index.ts";
export {
  ENVIRONMENTS_CHECKS,
  type CheckedEnvironment,
  type EnvironmentsCheck,
  type EnvironmentsCheckContext,
} from "./checks/environments/index.ts";
export {
  environmentCapacity,
  serviceCapacity,
  formatCpu,
  formatMemory,
  type CapacityFigures,
  type CapacityRange,
  type EnvironmentCapacity,
} from "./capacity.ts";
export { checkTenantQuotas } from "./tenant-quota.ts";
export { SPIKE_FACTOR } from "./checks/spike-headroom.check.ts";
export { ISTIO_PROXY_UID } from "./checks/reserved-user.check.ts";
export { DEFAULT_LOAD_TEST_IMAGE } from "./resolve-observability.ts";
export { resolveDelivery, isRollout, DEFAULT_CANARY_STEPS, DEFAULT_CANARY_PAUSE } from "./resolve-delivery.ts";

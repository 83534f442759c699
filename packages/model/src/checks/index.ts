import { acceptRules } from "./accept-rules.check.ts";
import { calleeExists } from "./callee-exists.check.ts";
import { crossTenantConsent } from "./cross-tenant-consent.check.ts";
import { dataResidency } from "./data-residency.check.ts";
import { egressHosts } from "./egress-hosts.check.ts";
import { delivery } from "./delivery.check.ts";
import { envVars } from "./env-vars.check.ts";
import { fitsANode } from "./fits-a-node.check.ts";
import { imageDigestRequired } from "./image-digest-required.check.ts";
import { secretRefs } from "./secret-refs.check.ts";
import { imageReference } from "./image-reference.check.ts";
import { ingressPort } from "./ingress-port.check.ts";
import { metricsPort } from "./metrics-port.check.ts";
import { lowPortCapability } from "./low-port-capability.check.ts";
import { mtlsStrict } from "./mtls-strict.check.ts";
import { immutableProdImage } from "./immutable-prod-image.check.ts";
import { probeHandler } from "./probe-handler.check.ts";
import { probesRequired } from "./probes-required.check.ts";
import { requestsWithinLimits } from "./requests-within-limits.check.ts";
import { reservedUser } from "./reserved-user.check.ts";
import { routeRules } from "./route-rules.check.ts";
import { scalingChoice } from "./scaling-choice.check.ts";
import type { ServiceCheck } from "./service-check.ts";
import { spikeHeadroom } from "./spike-headroom.check.ts";
import { statefulStorage } from "./stateful-storage.check.ts";
import { tenantExists } from "./tenant-exists.check.ts";
import { uniquePorts } from "./unique-ports.check.ts";
import { versions } from "./versions.check.ts";
import { writablePaths } from "./writable-paths.check.ts";

export type { ServiceCheck, ServiceCheckContext } from "./service-check.ts";

/** Every service check, in the order they run. */
export const SERVICE_CHECKS: readonly ServiceCheck[] = [
  tenantExists,
  calleeExists,
  imageReference,
  immutableProdImage,
  imageDigestRequired,
  scalingChoice,
  spikeHeadroom,
  uniquePorts,
  probesRequired,
  probeHandler,
  envVars,
  secretRefs,
  requestsWithinLimits,
  fitsANode,
  statefulStorage,
  reservedUser,
  writablePaths,
  versions,
  delivery,
  routeRules,
  mtlsStrict,
  crossTenantConsent,
  acceptRules,
  ingressPort,
  dataResidency,
  metricsPort,
  lowPortCapability,
  egressHosts,
];

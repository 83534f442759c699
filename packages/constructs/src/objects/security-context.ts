import type { ResolvedService } from "@cloudlab/model";
import type { IIoK8sApiCoreV1PodSecurityContext } from "kubernetes-models/v1/PodSecurityContext";
import type { IIoK8sApiCoreV1SecurityContext } from "kubernetes-models/v1/SecurityContext";

/** The pod-level context required by Pod Security Standards "restricted" (v1.28), with the service's user and group. */
export function buildPodSecurityContext(service: ResolvedService): IIoK8sApiCoreV1PodSecurityContext {
  return {
    runAsNonRoot: true,
    runAsUser: service.security.runAsUser,
    runAsGroup: service.security.runAsGroup,
    ...(service.storage === undefined ? {} : { fsGroup: service.security.runAsGroup, fsGroupChangePolicy: "OnRootMismatch" }),
    seccompProfile: { type: "RuntimeDefault" },
  };
}

/**
 * The container-level context of "restricted": no privilege escalation, every capability dropped (NET_BIND_SERVICE
 * added back only when the service binds a low port), read-only root filesystem, non-root.
 */
export function buildContainerSecurityContext(service: ResolvedService): IIoK8sApiCoreV1SecurityContext {
  return {
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: true,
    runAsNonRoot: true,
    capabilities: { drop: ["ALL"], ...(service.security.bindLowPorts ? { add: ["NET_BIND_SERVICE"] } : {}) },
  };
}

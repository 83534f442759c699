import type { ServiceCheck } from "./service-check.ts";

/** The UID the Istio proxy runs as; an application container must not share it (its traffic would bypass the mesh). */
export const ISTIO_PROXY_UID = 1337;

export const reservedUser: ServiceCheck = {
  id: "service/reserved-user",
  description: "A container never runs as UID 1337, which the Istio proxy reserves.",
  check({ security }) {
    if (security?.runAsUser !== ISTIO_PROXY_UID) return [];
    return [{ path: "security.runAsUser", message: `${ISTIO_PROXY_UID} is reserved by the Istio proxy` }];
  },
};

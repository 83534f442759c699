import type { ServiceCheck } from "./service-check.ts";

export const probesRequired: ServiceCheck = {
  id: "service/probes-required",
  description: "A service that listens on a port declares readiness and liveness probes.",
  check({ ports = [], probes }) {
    if (ports.length === 0 || probes !== undefined) return [];
    return [{ path: "probes", message: "is required for a service with ports (readiness and liveness)" }];
  },
};

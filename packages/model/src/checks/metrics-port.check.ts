import type { ServiceCheck } from "./service-check.ts";

export const metricsPort: ServiceCheck = {
  id: "service/metrics-port",
  description: "A service's metrics endpoint is served on one of its declared http or http2 ports (Prometheus scrapes HTTP).",
  check({ observability, ports = [] }) {
    const metrics = observability?.metrics;
    if (metrics === undefined) return [];
    const port = ports.find((p) => p.name === metrics.port);
    const path = "observability.metrics.port";
    if (port === undefined) {
      return [{ path, message: `"${metrics.port}" is not a port of this service (declared: ${ports.map((p) => p.name).join(", ") || "none"})` }];
    }
    if (port.protocol !== "http" && port.protocol !== "http2") {
      return [{ path, message: `"${metrics.port}" is a ${port.protocol} port; Prometheus scrapes an http or http2 port` }];
    }
    return [];
  },
};

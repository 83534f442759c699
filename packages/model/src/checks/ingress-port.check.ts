import type { ServiceCheck } from "./service-check.ts";

export const ingressPort: ServiceCheck = {
  id: "service/ingress-port",
  description: "An edge service routes the ingress gateway to one of its http, http2 or grpc ports.",
  check({ ingress, ports = [] }) {
    if (ingress === undefined) return [];
    const web = ports.filter((p) => p.protocol !== "tcp");
    if (ingress.port === undefined) {
      return web.length > 0 ? [] : [{ path: "ingress", message: "needs an http, http2 or grpc port to route to" }];
    }
    if (web.some((p) => p.name === ingress.port)) return [];
    return [{ path: "ingress.port", message: `"${ingress.port}" is not an http, http2 or grpc port of this service (declared: ${web.map((p) => p.name).join(", ") || "none"})` }];
  },
};

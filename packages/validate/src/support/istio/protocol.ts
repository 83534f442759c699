/** Istio's port protocols (`pkg/config/protocol`): names are matched case-insensitively. */

/** A protocol as `protocol.Parse` reads it, or `unsupported`. */
export type IstioProtocol = "TCP" | "UDP" | "GRPC" | "GRPC-WEB" | "HTTP" | "HTTP_PROXY" | "HTTP2" | "HTTPS" | "TLS" | "MONGO" | "REDIS" | "MYSQL" | "unsupported";

const KNOWN: readonly IstioProtocol[] = ["TCP", "UDP", "GRPC", "GRPC-WEB", "HTTP", "HTTP_PROXY", "HTTP2", "HTTPS", "TLS", "MONGO", "REDIS", "MYSQL"];

/** `protocol.Parse`. */
export function parseProtocol(value: unknown): IstioProtocol {
  const upper = typeof value === "string" ? value.toUpperCase() : "";
  return KNOWN.find((p) => p === upper) ?? "unsupported";
}

/** `IsHTTP`: HTTP, HTTP2, HTTP_PROXY, GRPC, GRPC-WEB. */
export function isHttpProtocol(protocol: IstioProtocol): boolean {
  return ["HTTP", "HTTP2", "HTTP_PROXY", "GRPC", "GRPC-WEB"].includes(protocol);
}

/** `IsTLS`: HTTPS, TLS. */
export function isTlsProtocol(protocol: IstioProtocol): boolean {
  return protocol === "HTTPS" || protocol === "TLS";
}

/** `IsTCP`: TCP, HTTPS, TLS, MONGO, REDIS, MYSQL. */
export function isTcpProtocol(protocol: IstioProtocol): boolean {
  return ["TCP", "HTTPS", "TLS", "MONGO", "REDIS", "MYSQL"].includes(protocol);
}

/** `ValidateProtocol`: empty (sniffed) or a known protocol. */
export function validateProtocol(value: unknown): string | undefined {
  if (typeof value !== "string" || value === "") return undefined;
  return parseProtocol(value) === "unsupported" ? `unsupported protocol: ${value}` : undefined;
}

import { asNumber, asString, type PlainObject } from "../support/values.ts";

/** The protocols Istio parses from a port name's prefix or an appProtocol (`protocol.Parse`, case-insensitive). */
const PROTOCOLS = new Set(["tcp", "udp", "grpc", "grpc-web", "http", "http_proxy", "http2", "https", "tls", "mongo", "redis", "mysql"]);

/** The Kubernetes-standard appProtocols Istio maps (`kubernetes.io/h2c`, WebSocket). */
const KUBERNETES_APP_PROTOCOLS = new Set(["kubernetes.io/h2c", "kubernetes.io/ws", "kubernetes.io/wss"]);

/** Ports Istio treats as TCP when the name gives no protocol (SMTP, DNS, MySQL, MongoDB). */
const WELL_KNOWN_PORTS = new Set([25, 53, 3306, 27017]);

/**
 * Whether Istio finds no protocol for a Service port (`kube.ConvertProtocol` gives `UnsupportedProtocol`): not UDP, and
 * its appProtocol (else its name) has no known protocol before the first `-` (`grpc-web` as a whole), and it is not a
 * well-known port.
 */
export function istioProtocolUnsupported(port: PlainObject): boolean {
  if (port.protocol === "UDP") return false;
  const appProtocol = asString(port.appProtocol);
  if (appProtocol !== undefined && KUBERNETES_APP_PROTOCOLS.has(appProtocol)) return false;
  const name = (appProtocol ?? asString(port.name) ?? "").toLowerCase();
  if (name.startsWith("grpc-web")) return false;
  const dash = name.indexOf("-");
  if (PROTOCOLS.has(dash >= 0 ? name.slice(0, dash) : name)) return false;
  return !WELL_KNOWN_PORTS.has(asNumber(port.port) ?? -1);
}

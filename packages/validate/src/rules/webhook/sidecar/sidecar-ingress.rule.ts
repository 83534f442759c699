import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { validatePortName } from "../../../support/istio/names.ts";
import { UNIX_ADDRESS_PREFIX, validateIpAddress, validatePort, validateUnixAddress } from "../../../support/istio/net.ts";
import { validateProtocol } from "../../../support/istio/protocol.ts";
import { checkServerTls } from "../../../support/istio/server-tls.ts";
import { checkConnectionPool } from "../../../support/istio/traffic-policy.ts";
import { asArray, asNumber, asObject, asString, type PlainObject } from "../../../support/values.ts";

const LOOPBACKS = ["127.0.0.1", "0.0.0.0", "::1", "::"];

/** Go's `net.SplitHostPort` for `host:port` and `[v6]:port`, or its error. */
function splitHostPort(address: string): { host: string; port: string } | { error: string } {
  const colon = address.lastIndexOf(":");
  if (colon < 0) return { error: `address ${address}: missing port in address` };
  let host = address.slice(0, colon);
  if (host.startsWith("[")) {
    if (!host.endsWith("]")) return { error: `address ${address}: missing ']' in address` };
    host = host.slice(1, -1);
  } else if (host.includes(":")) {
    return { error: `address ${address}: too many colons in address` };
  }
  return { host, port: address.slice(colon + 1) };
}

/** The default endpoint: `127.0.0.1:<port>`, `0.0.0.0:<port>`, `[::1]:<port>`, `[::]:<port>` or `unix://<path>`. */
function checkDefaultEndpoint(endpoint: string, path: FieldPath, problems: Problems): void {
  if (endpoint.startsWith(UNIX_ADDRESS_PREFIX)) {
    problems.add(path, validateUnixAddress(endpoint.slice(UNIX_ADDRESS_PREFIX.length)));
    return;
  }
  const split = splitHostPort(endpoint);
  const host = "host" in split ? split.host : "";
  const port = "port" in split ? split.port : "";
  if ("error" in split) problems.add(path, split.error);
  if (host !== "" && !LOOPBACKS.includes(host)) {
    problems.add(path, "sidecar: defaultEndpoint must be of form 127.0.0.1:<port>,0.0.0.0:<port>,[::1]:port,[::]:port,unix://filepath or unset");
  }
  if (!/^[-+]?\d+$/.test(port)) problems.add(path, `sidecar: defaultEndpoint port (${port}) is not a number: strconv.Atoi: parsing ${JSON.stringify(port)}: invalid syntax`);
  else problems.add(path, validatePort(Number(port)));
}

/** The TLS settings of an ingress listener: no SANs, redirects or credentials, not ISTIO_MUTUAL or AUTO_PASSTHROUGH. */
function checkIngressTls(tls: PlainObject, path: FieldPath, problems: Problems): void {
  if (asArray(tls.subjectAltNames).length > 0) problems.add([...path, "subjectAltNames"], "sidecar: subjectAltNames is not supported in ingress tls");
  if (tls.httpsRedirect === true) problems.add([...path, "httpsRedirect"], "sidecar: httpsRedirect is not supported");
  if ((asString(tls.credentialName) ?? "") !== "") problems.add([...path, "credentialName"], "sidecar: credentialName is not currently supported");
  const mode = asString(tls.mode) ?? "PASSTHROUGH";
  if (mode === "ISTIO_MUTUAL" || mode === "AUTO_PASSTHROUGH") problems.add([...path, "mode"], `configuration is invalid: cannot set mode to ${mode} in sidecar ingress tls`);
  checkServerTls(tls, path, problems);
}

/**
 * istiod's ingress listener checks of a Sidecar: each has a port (optional DNS-label name, known protocol, number
 * in range, no target port) unique among ingress listeners, an IP bind, a loopback or unix-socket default endpoint,
 * server TLS without SANs, redirects, credentials or Istio-only modes, and a valid connection pool.
 */
export const sidecarIngress: ObjectRule = {
  id: "sidecar-ingress",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "Sidecar ingress listeners have unique valid ports, IP binds, loopback or unix-socket default endpoints, supported TLS settings and valid connection pools.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: sidecar: ports on IP bound listeners must be unique',
  kinds: new Set(["Sidecar"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "Sidecar");
    if (spec === undefined) return [];
    const problems = new Problems();
    const ports = new Set<number>();
    for (const [i, entry] of asArray(spec.ingress).entries()) {
      const listener = asObject(entry);
      if (listener === undefined) continue;
      const path: FieldPath = ["spec", "ingress", i];
      const port = asObject(listener.port);
      if (port === undefined) {
        problems.add(path, "sidecar: port is required for ingress listeners");
        continue;
      }
      const portPath = [...path, "port"];
      if ((asNumber(port.targetPort) ?? 0) > 0) problems.add([...portPath, "targetPort"], "targetPort has no impact on Sidecars");
      const name = asString(port.name) ?? "";
      if (name !== "") problems.add([...portPath, "name"], validatePortName(name));
      problems.add([...portPath, "protocol"], validateProtocol(port.protocol));
      const number = asNumber(port.number) ?? 0;
      problems.add([...portPath, "number"], validatePort(number));
      const bind = asString(listener.bind) ?? "";
      if (bind !== "") problems.add([...path, "bind"], validateIpAddress(bind));
      if (ports.has(number)) problems.add([...portPath, "number"], "sidecar: ports on IP bound listeners must be unique");
      ports.add(number);
      const defaultEndpoint = asString(listener.defaultEndpoint) ?? "";
      if (defaultEndpoint !== "") checkDefaultEndpoint(defaultEndpoint, [...path, "defaultEndpoint"], problems);
      const tls = asObject(listener.tls);
      if (tls !== undefined) checkIngressTls(tls, [...path, "tls"], problems);
      const pool = asObject(listener.connectionPool);
      if (pool !== undefined) checkConnectionPool(pool, [...path, "connectionPool"], problems);
    }
    return problems.list;
  },
};

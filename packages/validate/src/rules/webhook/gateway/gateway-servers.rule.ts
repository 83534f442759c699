import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { validateNamespaceSlashHost } from "../../../support/istio/names.ts";
import { UNIX_ADDRESS_PREFIX, validateIpAddress, validatePort, validateUnixAddress } from "../../../support/istio/net.ts";
import { isHttpProtocol, isTlsProtocol, parseProtocol } from "../../../support/istio/protocol.ts";
import { asArray, asNumber, asObject, asString, isSet, type PlainObject } from "../../../support/values.ts";

/** A port as Go prints the proto message in istiod's message (`number:80 protocol:"HTTP"`). */
function portText(port: PlainObject): string {
  const fields: string[] = [];
  if ((asNumber(port.number) ?? 0) !== 0) fields.push(`number:${port.number as number}`);
  if ((asString(port.protocol) ?? "") !== "") fields.push(`protocol:${JSON.stringify(port.protocol)}`);
  if ((asString(port.name) ?? "") !== "") fields.push(`name:${JSON.stringify(port.name)}`);
  if ((asNumber(port.targetPort) ?? 0) !== 0) fields.push(`target_port:${port.targetPort as number}`);
  return fields.join(" ");
}

/** `validateServerPort`; returns whether the port is free of errors. */
function checkPort(server: PlainObject, path: FieldPath, problems: Problems): boolean {
  const port = asObject(server.port);
  if (port === undefined) {
    problems.add(path, "port is required");
    return false;
  }
  const before = problems.list.length;
  const portPath = [...path, "port"];
  const bind = asString(server.bind) ?? "";
  if (parseProtocol(port.protocol) === "unsupported") {
    problems.add([...portPath, "protocol"], `invalid protocol ${JSON.stringify(asString(port.protocol) ?? "")}, supported protocols are HTTP, HTTP2, GRPC, GRPC-WEB, MONGO, REDIS, MYSQL, TCP`);
  }
  const number = asNumber(port.number) ?? 0;
  if (number > 0 || !bind.startsWith(UNIX_ADDRESS_PREFIX)) problems.add([...portPath, "number"], validatePort(number));
  if ((asNumber(port.targetPort) ?? 0) > 0) problems.add([...portPath, "targetPort"], "targetPort has no impact on Gateways");
  if ((asString(port.name) ?? "") === "") problems.add([...portPath, "name"], `port name must be set: ${portText(port)}`);
  return problems.list.length === before;
}

/** `validateServerBind`. */
function checkBind(server: PlainObject, path: FieldPath, problems: Problems): void {
  const bind = asString(server.bind) ?? "";
  if (bind.startsWith(UNIX_ADDRESS_PREFIX)) {
    problems.add([...path, "bind"], validateUnixAddress(bind.slice(UNIX_ADDRESS_PREFIX.length)));
    const port = asObject(server.port);
    if (port !== undefined && (asNumber(port.number) ?? 0) !== 0) problems.add([...path, "port", "number"], `port number must be 0 for unix domain socket: ${portText(port)}`);
  } else if (bind !== "") {
    problems.add([...path, "bind"], validateIpAddress(bind));
  }
}

/** Whether the server's TLS mode passes traffic through (the default mode, PASSTHROUGH, or AUTO_PASSTHROUGH). */
function isPassthrough(tls: PlainObject): boolean {
  const mode = asString(tls.mode) ?? "PASSTHROUGH";
  return mode === "PASSTHROUGH" || mode === "AUTO_PASSTHROUGH";
}

/**
 * istiod's server checks of an Istio Gateway (`validateServer`, port names): at least one server; each has hosts
 * (`host` or `namespace/host`, FQDN or wildcard, not a short name), a named port with a known protocol and a number
 * in range (0 on unix sockets), no target port, a valid bind address; TLS settings on HTTPS/TLS ports only (plain
 * HTTP may only redirect); port names unique across servers.
 */
export const gatewayServers: ObjectRule = {
  id: "gateway-servers",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "Istio Gateway servers have valid hosts, a uniquely named port with a known protocol and number, a valid bind, and TLS settings exactly when the protocol is HTTPS or TLS (HTTP may only redirect).",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: server must have TLS settings for HTTPS/TLS protocols',
  kinds: new Set(["Gateway"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "Gateway");
    if (spec === undefined) return [];
    const problems = new Problems();
    const servers = asArray(spec.servers);
    if (servers.length === 0) problems.add(["spec", "servers"], "gateway must have at least one server");
    const portNames = new Set<string>();
    for (const [i, entry] of servers.entries()) {
      const server = asObject(entry);
      if (server === undefined) continue;
      const path: FieldPath = ["spec", "servers", i];
      const hosts = asArray(server.hosts);
      if (hosts.length === 0) problems.add(path, "server config must contain at least one host");
      for (const [j, host] of hosts.entries()) {
        if (typeof host === "string") problems.addAll([...path, "hosts", j], validateNamespaceSlashHost(host, true));
      }
      const portValid = checkPort(server, path, problems);
      checkBind(server, path, problems);
      const tls = asObject(server.tls);
      if (portValid) {
        const protocol = parseProtocol(asObject(server.port)?.protocol);
        if (isTlsProtocol(protocol) && !isSet(server.tls)) problems.add(path, "server must have TLS settings for HTTPS/TLS protocols");
        else if (!isTlsProtocol(protocol) && tls !== undefined) {
          if (!isHttpProtocol(protocol)) problems.add([...path, "tls"], "server cannot have TLS settings for non HTTPS/TLS ports");
          else if (!isPassthrough(tls) || ["caCertificates", "privateKey", "serverCertificate"].some((f) => (asString(tls[f]) ?? "") !== "")) {
            problems.add([...path, "tls"], "server cannot have TLS settings for plain text HTTP ports");
          }
        }
      }
      const port = asObject(server.port);
      if (port !== undefined) {
        const name = asString(port.name) ?? "";
        if (portNames.has(name)) problems.add([...path, "port", "name"], `port names in servers must be unique: duplicate name ${name}`);
        portNames.add(name);
      }
    }
    return problems.list;
  },
};

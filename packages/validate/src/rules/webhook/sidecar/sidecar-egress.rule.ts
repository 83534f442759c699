import type { FieldPath } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { validateNamespaceSlashHost, validatePortName } from "../../../support/istio/names.ts";
import { UNIX_ADDRESS_PREFIX, validateIpAddress, validatePort, validateUnixAddress } from "../../../support/istio/net.ts";
import { validateProtocol } from "../../../support/istio/protocol.ts";
import { asArray, asNumber, asObject, asString, type PlainObject } from "../../../support/values.ts";

/** `validateSidecarEgressPortBindAndCaptureMode`. */
function checkEgressPort(listener: PlainObject, port: PlainObject, path: FieldPath, problems: Problems): void {
  const portPath = [...path, "port"];
  const name = asString(port.name) ?? "";
  if (name !== "") problems.add([...portPath, "name"], validatePortName(name));
  problems.add([...portPath, "protocol"], validateProtocol(port.protocol));
  const bind = asString(listener.bind) ?? "";
  if ((asNumber(port.number) ?? 0) === 0) {
    if (!bind.startsWith(UNIX_ADDRESS_PREFIX)) problems.add([...path, "bind"], "sidecar: ports with 0 value must have a unix domain socket bind address");
    else problems.add([...path, "bind"], validateUnixAddress(bind.slice(UNIX_ADDRESS_PREFIX.length)));
    const captureMode = asString(listener.captureMode) ?? "DEFAULT";
    if (captureMode !== "DEFAULT" && captureMode !== "NONE") problems.add([...path, "captureMode"], "sidecar: captureMode must be DEFAULT/NONE for unix domain socket listeners");
  } else {
    problems.add([...portPath, "number"], validatePort(port.number));
    if (bind !== "") problems.add([...path, "bind"], validateIpAddress(bind));
  }
}

/**
 * istiod's egress listener checks of a Sidecar: at most one listener without a port, and it comes last; ports are
 * valid (0 only with a unix socket bind and DEFAULT or NONE capture), without target ports, unique per IP or socket;
 * every listener has hosts of the form `namespace/dnsName` (`*`, `.` or `~` namespaces; FQDN or wildcard names).
 */
export const sidecarEgress: ObjectRule = {
  id: "sidecar-egress",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "Sidecar egress listeners have one catch-all (portless) listener at most, last; unique valid ports and binds; and hosts of the form `namespace/dnsName`.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: sidecar: the egress listener with empty port should be the last listener in the list',
  kinds: new Set(["Sidecar"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "Sidecar");
    if (spec === undefined) return [];
    const problems = new Problems();
    const ports = new Set<number>();
    const sockets = new Set<string>();
    const egress = asArray(spec.egress);
    let catchAll = false;
    for (const [i, entry] of egress.entries()) {
      const listener = asObject(entry);
      if (listener === undefined) continue;
      const path: FieldPath = ["spec", "egress", i];
      const port = asObject(listener.port);
      if (port === undefined) {
        if (catchAll) {
          problems.add(path, "sidecar: egress can have only one listener with empty port");
          continue;
        }
        if (i === egress.length - 1) catchAll = true;
        else problems.add(path, "sidecar: the egress listener with empty port should be the last listener in the list");
      } else {
        if ((asNumber(port.targetPort) ?? 0) > 0) problems.add([...path, "port", "targetPort"], "targetPort has no impact on Sidecars");
        checkEgressPort(listener, port, path, problems);
        const number = asNumber(port.number) ?? 0;
        if (number === 0) {
          const bind = asString(listener.bind) ?? "";
          if (sockets.has(bind)) problems.add([...path, "bind"], "sidecar: unix domain socket values for listeners must be unique");
          sockets.add(bind);
        } else {
          if (ports.has(number)) problems.add([...path, "port", "number"], "sidecar: ports on IP bound listeners must be unique");
          ports.add(number);
        }
      }
      const hosts = asArray(listener.hosts);
      if (hosts.length === 0) problems.add(path, "sidecar: egress listener must contain at least one host");
      for (const [j, host] of hosts.entries()) {
        if (typeof host === "string") problems.addAll([...path, "hosts", j], validateNamespaceSlashHost(host, false));
      }
    }
    return problems.list;
  },
};

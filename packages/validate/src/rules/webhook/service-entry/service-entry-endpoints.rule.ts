import type { FieldPath } from "../../../field-path.ts";
import { key } from "../../../field-path.ts";
import type { ObjectRule } from "../../../rule.ts";
import { istioSpec, Problems } from "../../../support/istio/istio-object.ts";
import { validateFqdn, validateLabelMap, validatePortName } from "../../../support/istio/names.ts";
import { isValidIp, UNIX_ADDRESS_PREFIX, validatePort, validateUnixAddress } from "../../../support/istio/net.ts";
import { checkSelectorLabels } from "../../../support/istio/policy-fields.ts";
import { asArray, asObject, asString, isSet, type PlainObject } from "../../../support/values.ts";

/** An endpoint's ports: named after service ports, numbers in range. */
function checkEndpointPorts(endpoint: PlainObject, path: FieldPath, servicePorts: ReadonlySet<string>, problems: Problems): void {
  for (const [name, number] of Object.entries(asObject(endpoint.ports) ?? {})) {
    const portPath = [...path, "ports", key(name)];
    if (!servicePorts.has(name)) problems.add(portPath, `endpoint port ${String(number)} is not defined by the service entry`);
    problems.add(portPath, validatePortName(name));
    problems.add(portPath, validatePort(number));
  }
  for (const { key: label, message } of validateLabelMap(asObject(endpoint.labels) ?? {})) problems.add([...path, "labels", key(label)], message);
}

/** `validateWorkloadEntry` for a STATIC endpoint: an IP or unix socket address (a socket with one service port, no ports). */
function checkStaticEndpoint(endpoint: PlainObject, path: FieldPath, servicePorts: ReadonlySet<string>, problems: Problems): void {
  const address = asString(endpoint.address) ?? "";
  if (address === "") {
    if ((asString(endpoint.network) ?? "") === "") {
      problems.add(path, "address is required");
      return;
    }
  } else if (address.startsWith(UNIX_ADDRESS_PREFIX)) {
    problems.add([...path, "address"], validateUnixAddress(address.slice(UNIX_ADDRESS_PREFIX.length)));
    if (Object.keys(asObject(endpoint.ports) ?? {}).length > 0) problems.add([...path, "ports"], `unix endpoint ${address} must not include ports`);
  } else if (!isValidIp(address)) {
    problems.add([...path, "address"], `endpoint address ${JSON.stringify(address)} is not a valid IP address`);
  }
  checkEndpointPorts(endpoint, path, servicePorts, problems);
  if (address.startsWith(UNIX_ADDRESS_PREFIX) && servicePorts.size !== 1) problems.add([...path, "address"], "exactly 1 service port required for unix endpoints");
}

/**
 * istiod's resolution and endpoint checks of a ServiceEntry: endpoints or a workload selector, not both (selector
 * labels without empty keys or wildcards); no endpoints with NONE resolution; STATIC endpoints are IPs or unix
 * sockets; DNS endpoints are IPs or FQDNs, and without endpoints every host is an FQDN; DNS_ROUND_ROBIN takes at
 * most one endpoint; endpoint ports name service ports.
 */
export const serviceEntryEndpoints: ObjectRule = {
  id: "service-entry-endpoints",
  category: "webhook",
  scope: "object",
  severity: "error",
  description: "ServiceEntry endpoints suit the resolution (none for NONE, IPs or sockets for STATIC, IPs or FQDNs for DNS, at most one for DNS_ROUND_ROBIN), exclude a workload selector, and name service ports.",
  upstreamMessage: 'admission webhook "validation.istio.io" denied the request: configuration is invalid: no endpoints should be provided for resolution type none',
  kinds: new Set(["ServiceEntry"]),
  check(object) {
    const spec = istioSpec(object, "networking.istio.io", "ServiceEntry");
    if (spec === undefined) return [];
    const problems = new Problems();
    const selector = asObject(spec.workloadSelector);
    checkSelectorLabels(selector?.labels, ["spec", "workloadSelector", "labels"], problems);
    if (isSet(spec.workloadSelector) && isSet(spec.endpoints)) problems.add(["spec", "endpoints"], "only one of WorkloadSelector or Endpoints is allowed in Service Entry");
    const servicePorts = new Set(asArray(spec.ports).map((p) => asString(asObject(p)?.name) ?? ""));
    const resolution = asString(spec.resolution) ?? "NONE";
    const endpoints = asArray(spec.endpoints);
    const entries = endpoints.flatMap((e, i) => {
      const endpoint = asObject(e);
      return endpoint === undefined ? [] : [{ endpoint, path: ["spec", "endpoints", i] as FieldPath }];
    });
    if (resolution === "NONE") {
      if (endpoints.length > 0) problems.add(["spec", "endpoints"], "no endpoints should be provided for resolution type none");
    } else if (resolution === "STATIC") {
      for (const { endpoint, path } of entries) checkStaticEndpoint(endpoint, path, servicePorts, problems);
    } else if (resolution === "DNS" || resolution === "DNS_ROUND_ROBIN") {
      if (endpoints.length === 0) {
        for (const [i, host] of asArray(spec.hosts).entries()) {
          if (typeof host === "string" && validateFqdn(host) !== undefined) problems.add(["spec", "hosts", i], `hosts must be FQDN if no endpoints are provided for resolution mode ${resolution}`);
        }
      }
      if (resolution === "DNS_ROUND_ROBIN" && endpoints.length > 1) problems.add(["spec", "endpoints"], `there must only be 0 or 1 endpoint for resolution mode ${resolution}`);
      for (const { endpoint, path } of entries) {
        const address = asString(endpoint.address) ?? "";
        if (!isValidIp(address) && validateFqdn(address) !== undefined) problems.add([...path, "address"], `endpoint address ${JSON.stringify(address)} is not a valid FQDN or an IP address`);
        checkEndpointPorts(endpoint, path, servicePorts, problems);
      }
    }
    return problems.list;
  },
};

/** istiod's security attribute checks (`pkg/config/security`): AuthorizationPolicy values, IPs, ports, path templates. */
import { isValidCidr, isValidIp } from "./net.ts";

const UNSUPPORTED_PATH_TEMPLATE = /\/\{\w+=\*[*]?\}|\{\w*\}|\/\*[*]?|\*[*]?\//;

/** `CheckEmptyValues`: the first empty string among `values`, as istiod reports it. */
export function emptyValueProblem(name: string, values: readonly unknown[]): string | undefined {
  return values.some((v) => v === "") ? `empty value not allowed, found in ${name}` : undefined;
}

/** `CheckValidPathTemplate`: a path using `{*}` or `{**}` has no named variables, bare `*` segments or `{}`. */
export function pathTemplateProblem(name: string, paths: readonly unknown[]): string | undefined {
  const invalid = paths.some((p) => typeof p === "string" && (p.includes("{*}") || p.includes("{**}")) && UNSUPPORTED_PATH_TEMPLATE.test(p));
  return invalid ? `invalid or unsupported path template, found in ${name}` : undefined;
}

/** Go's `netip.ParsePrefix` error text for a CIDR block it rejects. */
function prefixError(value: string): string {
  const slash = value.lastIndexOf("/");
  const bits = value.slice(slash + 1);
  const address = value.slice(0, slash);
  const quoted = JSON.stringify(value);
  if (!/^(0|[1-9]\d*)$/.test(bits)) return `netip.ParsePrefix(${quoted}): bad bits after slash: ${JSON.stringify(bits)}`;
  if (!isValidIp(address)) return `netip.ParsePrefix(${quoted}): ParseAddr(${JSON.stringify(address)}): unable to parse IP`;
  return `netip.ParsePrefix(${quoted}): prefix length out of range`;
}

/** `ValidateIPs`: each value an IP or a CIDR block. */
export function ipsProblems(values: readonly unknown[]): { readonly index: number; readonly message: string }[] {
  const problems: { index: number; message: string }[] = [];
  for (const [index, value] of values.entries()) {
    if (typeof value !== "string") continue;
    if (value.includes("/")) {
      if (!isValidCidr(value)) problems.push({ index, message: `bad CIDR range (${value}): ${prefixError(value)}` });
    } else if (!isValidIp(value)) {
      problems.push({ index, message: `bad IP address (${value})` });
    }
  }
  return problems;
}

/** `ValidatePorts`: each value a decimal number up to 65535. */
export function portsProblems(values: readonly unknown[]): { readonly index: number; readonly message: string }[] {
  const problems: { index: number; message: string }[] = [];
  for (const [index, value] of values.entries()) {
    if (typeof value !== "string") continue;
    if (!/^\d+$/.test(value)) problems.push({ index, message: `bad port (${value}): strconv.ParseUint: parsing ${JSON.stringify(value)}: invalid syntax` });
    else if (Number(value) > 65535) problems.push({ index, message: `bad port (${value}): <nil>` });
  }
  return problems;
}

function mapKeyProblem(key: string): string | undefined {
  const open = key.indexOf("[");
  return key.endsWith("]") && open > 0 && open < key.length - 2 ? undefined : `bad key (${key}): should have format a[b]`;
}

/** `ValidateAttribute`: the condition key is one istiod knows, and the values suit it (the first problem only). */
export function attributeProblem(key: string, values: readonly unknown[]): string | undefined {
  const empty = emptyValueProblem(key, values);
  if (empty !== undefined) return empty;
  if (key.startsWith("request.headers")) return mapKeyProblem(key);
  if (key === "source.ip" || key === "remote.ip" || key === "destination.ip") {
    const first = ipsProblems(values)[0];
    return first?.message;
  }
  if (["source.namespace", "source.principal", "request.auth.principal", "request.auth.audiences", "request.auth.presenter", "connection.sni"].includes(key)) return undefined;
  if (key.startsWith("request.auth.claims")) return mapKeyProblem(key);
  if (key === "destination.port") return portsProblems(values)[0]?.message;
  if (key.startsWith("experimental.envoy.filters.")) return mapKeyProblem(key);
  if (key === "destination.namespace") return `attribute ${key} is replaced by the metadata.namespace`;
  if (key.startsWith("destination.labels")) return `attribute ${key} is replaced by the workload selector`;
  if (key === "destination.name" || key === "destination.user") return `deprecated attribute ${key}: only supported in v1alpha1`;
  return `unknown attribute: ${key}`;
}

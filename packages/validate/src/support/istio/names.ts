/**
 * Istio's name checks (`pkg/config/labels`, `pkg/config/validation/agent`): DNS-1123 labels (Istio's own pattern,
 * which also accepts upper case), wildcard labels, FQDNs and wildcard domains, `namespace/host` entries, label maps
 * and workload selectors, with istiod's messages.
 */
import { goQuote } from "./istio-object.ts";
import { isValidIp } from "./net.ts";

const DNS1123_LABEL_FMT = "[a-zA-Z0-9](?:[-a-z-A-Z0-9]*[a-zA-Z0-9])?";
const DNS1123_LABEL = new RegExp(`^${DNS1123_LABEL_FMT}$`);
const WILDCARD_LABEL = new RegExp(`^(\\*|(\\*|\\*-)?${DNS1123_LABEL_FMT})$`);
const QUALIFIED_NAME_FMT = "(?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const TAG_KEY = new RegExp(`^(${DNS1123_LABEL_FMT}(?:\\.${DNS1123_LABEL_FMT})*/)?(${QUALIFIED_NAME_FMT})$`);
const LABEL_VALUE = new RegExp(`^(${QUALIFIED_NAME_FMT})?$`);

/** `labels.IsDNS1123Label`. */
export function isIstioDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** `ValidatePortName`: a DNS-1123 label (Istio's pattern). */
export function validatePortName(name: string): string | undefined {
  return isIstioDns1123Label(name) ? undefined : `invalid port name: ${name}`;
}

/** `labels.IsWildcardDNS1123Label`: a label, `*`, or a label led by `*` or `*-`. */
export function isWildcardDns1123Label(value: string): boolean {
  return value.length <= 63 && WILDCARD_LABEL.test(value);
}

function dns1123Preconditions(name: string): string | undefined {
  if (name.length > 255) return `domain name ${goQuote(name)} too long (max 255)`;
  if (name.length === 0) return "empty domain name not allowed";
  return undefined;
}

function dns1123Labels(domain: string): string | undefined {
  const parts = domain.split(".");
  const top = parts[parts.length - 1]!;
  if (/^[-+]?\d+$/.test(top)) return `domain name ${goQuote(domain)} invalid (top level domain ${goQuote(top)} cannot be all-numeric)`;
  for (const [i, label] of parts.entries()) {
    if (i === parts.length - 1 && label === "") return undefined;
    if (!isIstioDns1123Label(label)) return `domain name ${goQuote(domain)} invalid (label ${goQuote(label)} invalid)`;
  }
  return undefined;
}

/** `agent.ValidateFQDN`. */
export function validateFqdn(fqdn: string): string | undefined {
  return dns1123Preconditions(fqdn) ?? dns1123Labels(fqdn);
}

/** `agent.ValidateWildcardDomain`: an FQDN whose first label may be a wildcard. */
export function validateWildcardDomain(domain: string): string | undefined {
  const precondition = dns1123Preconditions(domain);
  if (precondition !== undefined) return precondition;
  const dot = domain.indexOf(".");
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (!isWildcardDns1123Label(first)) return `domain name ${goQuote(domain)} invalid (label ${goQuote(first)} invalid)`;
  return dot < 0 ? undefined : dns1123Labels(domain.slice(dot + 1));
}

/** `agent.ValidateWildcardDomainForVirtualServiceBoundToGateway`: as above, plus `outbound_.<port>_…` SNI names. */
export function validateGatewayBoundDomain(sni: boolean, domain: string): string | undefined {
  const precondition = dns1123Preconditions(domain);
  if (precondition !== undefined) return precondition;
  const dot = domain.indexOf(".");
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (sni && first === "outbound_") {
    return /outbound_.([0-8].*).*/.test(domain) ? undefined : `domain name ${goQuote(domain)} invalid (label ${goQuote(first)} invalid)`;
  }
  if (!isWildcardDns1123Label(first)) return `domain name ${goQuote(domain)} invalid (label ${goQuote(first)} invalid)`;
  return dot < 0 ? undefined : dns1123Labels(domain.slice(dot + 1));
}

/** `agent.ValidatePartialWildCard`: a wildcard is `*` or a leading `*.`. */
export function validatePartialWildcard(host: string): string | undefined {
  return host.includes("*") && host.length !== 1 && !host.startsWith("*.") ? `partial wildcard ${goQuote(host)} not allowed` : undefined;
}

function hostnamePart(hostname: string, isGateway: boolean): string[] {
  const errors: string[] = [];
  if (hostname !== "*" && !hostname.includes(".")) errors.push("short names (non FQDN) are not allowed");
  const domainError = validateWildcardDomain(hostname);
  if (domainError !== undefined) {
    if (!isGateway) errors.push(domainError);
    if (!isValidIp(hostname)) errors.push(domainError);
  }
  const partial = validatePartialWildcard(hostname);
  if (partial !== undefined) errors.push(partial);
  return errors;
}

/** `agent.ValidateNamespaceSlashWildcardHostname`: Gateway server hosts and Sidecar egress hosts. */
export function validateNamespaceSlashHost(hostname: string, isGateway: boolean): string[] {
  const slash = hostname.indexOf("/");
  if (slash < 0) return isGateway ? hostnamePart(hostname, true) : ["host must be of form namespace/dnsName"];
  const namespace = hostname.slice(0, slash);
  const dnsName = hostname.slice(slash + 1);
  const errors: string[] = [];
  if (namespace === "" || dnsName === "") errors.push("config namespace and dnsName in host entry cannot be empty");
  const special = isGateway ? ["*", "."] : ["*", ".", "~"];
  if (!special.includes(namespace) && !isIstioDns1123Label(namespace)) {
    errors.push(`invalid namespace value ${goQuote(namespace)} in ${isGateway ? "gateway" : "sidecar"}`);
  }
  errors.push(...hostnamePart(dnsName, isGateway));
  return errors;
}

/** `labels.Instance.Validate`: every key a label key, every value a label value. */
export function validateLabelMap(labels: Readonly<Record<string, unknown>>): { readonly key: string; readonly message: string }[] {
  const errors: { key: string; message: string }[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const match = TAG_KEY.exec(key);
    if (match === null) errors.push({ key, message: `invalid tag key: ${goQuote(key)}` });
    else if ((match[1] ?? "").length - 1 > 253) errors.push({ key, message: `invalid tag key: ${goQuote(key)} (DNS prefix is too long)` });
    else if ((match[2] ?? "").length > 63) errors.push({ key, message: `invalid tag key: ${goQuote(key)} (name is too long)` });
    if (typeof value === "string" && !LABEL_VALUE.test(value)) errors.push({ key, message: `invalid tag value: ${goQuote(value)}` });
  }
  return errors;
}

/** The label checks of a workload selector (`validateWorkloadSelector`): no empty key, no `*` in keys or values. */
export function validateSelectorLabels(labels: Readonly<Record<string, unknown>>): { readonly key: string; readonly message: string }[] {
  const errors: { key: string; message: string }[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const text = typeof value === "string" ? value : "";
    const pair = goQuote(`${key}=${text}`);
    if (key === "") errors.push({ key, message: `empty key is not supported in selector: ${pair}` });
    if (key.includes("*") || text.includes("*")) errors.push({ key, message: `wildcard is not supported in selector: ${pair}` });
  }
  return errors;
}

/** `host.Name.Matches`: whether two hosts (either may be a `*.` wildcard) overlap. */
export function hostsOverlap(a: string, b: string): boolean {
  const aWild = a.startsWith("*");
  const bWild = b.startsWith("*");
  if (aWild && bWild) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  if (aWild) return b.endsWith(a.slice(1));
  if (bWild) return a.endsWith(b.slice(1));
  return a === b;
}

/** `host.Name.SubsetOf`: whether every name `a` covers is covered by `b`. */
export function hostSubsetOf(a: string, b: string): boolean {
  if (a.startsWith("*")) return b.startsWith("*") && a.slice(1).endsWith(b.slice(1));
  if (b.startsWith("*")) return a.endsWith(b.slice(1));
  return a === b;
}

/** Addresses and ports as istiod checks them (`net/netip`, `agent.ValidatePort`, `ValidateIPSubnet`, unix sockets). */
import { isIPv6 } from "node:net";

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** Whether Go's `netip.ParseAddr` reads the text (dotted IPv4 without leading zeros, or IPv6). */
export function isValidIp(value: string): boolean {
  return IPV4.test(value) || (isIPv6(value) && !value.includes("/"));
}

/** `agent.ValidateIPAddress`. */
export function validateIpAddress(value: string): string | undefined {
  return isValidIp(value) ? undefined : `${value} is not a valid IP`;
}

/** Whether `netip.ParsePrefix` reads `addr/bits` (no zone, bits within the address length). */
export function isValidCidr(value: string): boolean {
  const slash = value.lastIndexOf("/");
  if (slash < 0) return false;
  const address = value.slice(0, slash);
  const bits = value.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(bits) || address.includes("%")) return false;
  if (IPV4.test(address)) return Number(bits) <= 32;
  return isIPv6(address) && Number(bits) <= 128;
}

/** `agent.ValidateIPSubnet`: a CIDR block (one `/`) or an address. */
export function validateIpSubnet(value: string): string | undefined {
  if (value.split("/").length === 2) return isValidCidr(value) ? undefined : `${value} is not a valid CIDR block`;
  return validateIpAddress(value);
}

/** `agent.ValidatePort`. */
export function validatePort(port: unknown): string | undefined {
  if (typeof port !== "number") return undefined;
  return Number.isInteger(port) && port >= 1 && port <= 65535 ? undefined : `port number ${port} must be in the range 1..65535`;
}

/** `ValidateUnixAddress`: an absolute file path, or an abstract socket name (`@…`). */
export function validateUnixAddress(address: string): string | undefined {
  if (address === "") return "unix address must not be empty";
  if (address.startsWith("@")) return undefined;
  return address.startsWith("/") && !address.endsWith("/") ? undefined : `${address} is not an absolute path to a file`;
}

/** The prefix of a unix domain socket address (`unix:///var/run/app.sock`). */
export const UNIX_ADDRESS_PREFIX = "unix://";

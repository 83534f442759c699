/**
 * IP addresses and CIDRs as the kube-apiserver reads them: `netutils.ParseIPSloppy` and `ParseCIDRSloppy` (Go 1.16's
 * `net` parser, which still accepts IPv4 octets with leading zeros), and the `net.IP` predicates validation uses.
 */

/** An address as 4 (IPv4) or 16 (IPv6) bytes. */
export type IpBytes = readonly number[];

function parseIPv4(text: string): number[] | undefined {
  const parts = text.split(".");
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,7}$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return bytes;
}

function parseIPv6(text: string): number[] | undefined {
  const bytes: number[] = [];
  let rest = text;
  let ellipsis = -1;
  if (rest.startsWith("::")) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest === "") return new Array<number>(16).fill(0);
  }
  while (bytes.length < 16) {
    const hex = /^[0-9a-fA-F]+/.exec(rest)?.[0];
    if (hex === undefined) return undefined;
    if (rest[hex.length] === ".") {
      if (ellipsis < 0 && bytes.length !== 12) return undefined;
      if (bytes.length + 4 > 16) return undefined;
      const v4 = parseIPv4(rest);
      if (v4 === undefined) return undefined;
      bytes.push(...v4);
      rest = "";
      break;
    }
    if (hex.length > 6) return undefined;
    const group = Number.parseInt(hex, 16);
    if (group > 0xffff) return undefined;
    bytes.push(group >> 8, group & 0xff);
    rest = rest.slice(hex.length);
    if (rest === "") break;
    if (rest[0] !== ":" || rest.length === 1) return undefined;
    rest = rest.slice(1);
    if (rest[0] === ":") {
      if (ellipsis >= 0) return undefined;
      ellipsis = bytes.length;
      rest = rest.slice(1);
      if (rest === "") break;
    }
  }
  if (rest !== "") return undefined;
  if (bytes.length < 16) {
    if (ellipsis < 0) return undefined;
    bytes.splice(ellipsis, 0, ...new Array<number>(16 - bytes.length).fill(0));
  } else if (ellipsis >= 0) {
    return undefined;
  }
  return bytes;
}

/** `netutils.ParseIPSloppy`: the address's bytes, or `undefined` when the text is not an IP address. */
export function parseIpSloppy(text: string): IpBytes | undefined {
  for (const character of text) {
    if (character === ".") return parseIPv4(text);
    if (character === ":") return parseIPv6(text);
  }
  return undefined;
}

/** `netutils.ParseCIDRSloppy` succeeds: `address/bits`, bits within the address length. */
export function isCidrSloppy(text: string): boolean {
  const slash = text.indexOf("/");
  if (slash < 0) return false;
  const address = text.slice(0, slash);
  const bits = text.slice(slash + 1);
  let length = 32;
  let ip: IpBytes | undefined = parseIPv4(address);
  if (ip === undefined) {
    length = 128;
    ip = parseIPv6(address);
  }
  if (ip === undefined || !/^\d{1,7}$/.test(bits)) return false;
  return Number(bits) <= length;
}

/** The IPv4 form of an address (`net.IP.To4`): IPv4 itself, or an IPv4-mapped IPv6 address. */
function to4(ip: IpBytes): IpBytes | undefined {
  if (ip.length === 4) return ip;
  const mapped = ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff;
  return mapped ? ip.slice(12) : undefined;
}

/** `netutils.IsIPv6`: an address that has no IPv4 form. */
export function isIPv6(ip: IpBytes): boolean {
  return to4(ip) === undefined;
}

/** `net.IP.IsUnspecified`. */
export function isUnspecified(ip: IpBytes): boolean {
  return ip.every((b) => b === 0) || (to4(ip)?.every((b) => b === 0) ?? false);
}

/** `net.IP.IsLoopback`. */
export function isLoopback(ip: IpBytes): boolean {
  const v4 = to4(ip);
  if (v4 !== undefined) return v4[0] === 127;
  return ip.slice(0, 15).every((b) => b === 0) && ip[15] === 1;
}

/** `net.IP.IsLinkLocalUnicast`. */
export function isLinkLocalUnicast(ip: IpBytes): boolean {
  const v4 = to4(ip);
  if (v4 !== undefined) return v4[0] === 169 && v4[1] === 254;
  return ip[0] === 0xfe && ((ip[1] ?? 0) & 0xc0) === 0x80;
}

/** `net.IP.IsLinkLocalMulticast`. */
export function isLinkLocalMulticast(ip: IpBytes): boolean {
  const v4 = to4(ip);
  if (v4 !== undefined) return v4[0] === 224 && v4[1] === 0 && v4[2] === 0;
  return ip[0] === 0xff && ((ip[1] ?? 0) & 0x0f) === 0x02;
}

/** `validation.IsValidIP` (Kubernetes 1.28). */
export function isValidIp(text: string): string[] {
  return parseIpSloppy(text) === undefined ? ["must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"] : [];
}

/** `ValidateNonSpecialIP` (Kubernetes 1.28 wording): endpoints and external IPs are not unspecified, loopback or link-local. */
export function nonSpecialIpErrors(text: string): string[] {
  const ip = parseIpSloppy(text);
  if (ip === undefined) return ["must be a valid IP address"];
  const errors: string[] = [];
  if (isUnspecified(ip)) errors.push("may not be unspecified (0.0.0.0)");
  if (isLoopback(ip)) errors.push("may not be in the loopback range (127.0.0.0/8)");
  if (isLinkLocalUnicast(ip)) errors.push("may not be in the link-local range (169.254.0.0/16)");
  if (isLinkLocalMulticast(ip)) errors.push("may not be in the link-local multicast range (224.0.0.0/24)");
  return errors;
}

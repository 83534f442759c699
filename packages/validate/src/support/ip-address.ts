/**
 * IP addresses and CIDRs as the kube-apiserver reads them: `k8s.io/utils/net`'s `ParseIPSloppy` and `ParseCIDRSloppy`
 * (Go 1.16's `net.ParseIP` and `net.ParseCIDR`, which still accept IPv4 parts with leading zeros), `net.IPNet.Contains`,
 * the `net.IP` predicates validation uses, and `validation.IsValidIP` and `ValidateNonSpecialIP` (Kubernetes 1.28).
 *
 * Go's number reading is kept to the letter: a part may have any number of digits (`0000010.0.0.1`, `::00001`) as long
 * as its value fits (255 for an IPv4 part, 0xFFFF for an IPv6 group, the address length for a prefix). IPv6 zones
 * (`fe80::1%eth0`) are never accepted. Istiod's strict parsing (Go's `net/netip`) is `./istio/net.ts`.
 */

/** An address as 4 bytes (written as dotted IPv4) or 16 bytes (written as IPv6, IPv4-mapped ones included). */
export type IpBytes = readonly number[];

/** A network: its address with the host bits cleared (4 or 16 bytes, as written) and its prefix length. */
export interface IpNetwork {
  readonly ip: IpBytes;
  readonly prefix: number;
}

/** `validation.IsValidIP`'s message (Kubernetes 1.28). */
export const IP_ADDRESS_MESSAGE = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

const IPV4_LENGTH = 4;
const IPV6_LENGTH = 16;
/** Go's `big`: where `dtoi` and `xtoi` give up ("bigger than we need, not too big to worry about overflow"). */
const BIG = 0xffffff;

/** The value of one ASCII digit in `base`, or `undefined` (Go's `dtoi`/`xtoi` digit sets: 0-9, and a-f, A-F in hex). */
function digitValue(character: string, base: 10 | 16): number | undefined {
  const code = character.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (base === 16 && code >= 0x61 && code <= 0x66) return code - 0x61 + 10;
  if (base === 16 && code >= 0x41 && code <= 0x46) return code - 0x41 + 10;
  return undefined;
}

/**
 * Go's `dtoi` (base 10) and `xtoi` (base 16): the number at the start of `text` and how many characters it took, or
 * `undefined` when there is no digit or the value reaches `big`. Leading zeros cost nothing.
 */
function leadingNumber(text: string, base: 10 | 16): { readonly value: number; readonly length: number } | undefined {
  let value = 0;
  let length = 0;
  for (; length < text.length; length++) {
    const digit = digitValue(text[length]!, base);
    if (digit === undefined) break;
    value = value * base + digit;
    if (value >= BIG) return undefined;
  }
  return length === 0 ? undefined : { value, length };
}

/** Go 1.16's `parseIPv4`: dotted IPv4 (leading zeros allowed) as 4 bytes. */
function parseIpv4(text: string): number[] | undefined {
  const bytes: number[] = [];
  let rest = text;
  for (let i = 0; i < IPV4_LENGTH; i++) {
    if (rest.length === 0) return undefined;
    if (i > 0) {
      if (rest[0] !== ".") return undefined;
      rest = rest.slice(1);
    }
    const number = leadingNumber(rest, 10);
    if (number === undefined || number.value > 0xff) return undefined;
    rest = rest.slice(number.length);
    bytes.push(number.value);
  }
  return rest.length === 0 ? bytes : undefined;
}

/** Go 1.16's `parseIPv6` without a zone: IPv6 (with `::` and an optional trailing dotted IPv4 part) as 16 bytes. */
function parseIpv6(text: string): number[] | undefined {
  const ip = new Array<number>(IPV6_LENGTH).fill(0);
  let ellipsis = -1;
  let rest = text;
  if (rest.startsWith("::")) {
    ellipsis = 0;
    rest = rest.slice(2);
    if (rest.length === 0) return ip;
  }
  let i = 0;
  while (i < IPV6_LENGTH) {
    const number = leadingNumber(rest, 16);
    if (number === undefined || number.value > 0xffff) return undefined;
    if (number.length < rest.length && rest[number.length] === ".") {
      if (ellipsis < 0 && i !== IPV6_LENGTH - IPV4_LENGTH) return undefined;
      if (i + IPV4_LENGTH > IPV6_LENGTH) return undefined;
      const v4 = parseIpv4(rest);
      if (v4 === undefined) return undefined;
      for (const byte of v4) ip[i++] = byte;
      rest = "";
      break;
    }
    ip[i] = number.value >> 8;
    ip[i + 1] = number.value & 0xff;
    i += 2;
    rest = rest.slice(number.length);
    if (rest.length === 0) break;
    if (rest[0] !== ":" || rest.length === 1) return undefined;
    rest = rest.slice(1);
    if (rest[0] === ":") {
      if (ellipsis >= 0) return undefined;
      ellipsis = i;
      rest = rest.slice(1);
      if (rest.length === 0) break;
    }
  }
  if (rest.length !== 0) return undefined;
  if (i < IPV6_LENGTH) {
    // Expand the ellipsis; without one, the address is too short.
    if (ellipsis < 0) return undefined;
    const shift = IPV6_LENGTH - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + shift] = ip[j]!;
    for (let j = ellipsis + shift - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) {
    // An ellipsis must stand for at least one zero group.
    return undefined;
  }
  return ip;
}

/**
 * `netutils.ParseIPSloppy`: the address's bytes, or `undefined` when the text is not an IP address. The first `.` or
 * `:` decides the family, as in Go (`1.2.3.4::` is not an address).
 */
export function parseIpSloppy(text: string): IpBytes | undefined {
  for (const character of text) {
    if (character === ".") return parseIpv4(text);
    if (character === ":") return parseIpv6(text);
  }
  return undefined;
}

/** The byte at `index` of a mask of `prefix` leading ones (`net.CIDRMask`). */
function maskByte(prefix: number, index: number): number {
  const ones = Math.min(Math.max(prefix - index * 8, 0), 8);
  return (0xff << (8 - ones)) & 0xff;
}

/**
 * `netutils.ParseCIDRSloppy`: `address/prefix` as its network (`IPNet`), or `undefined` when it is not a CIDR. The
 * address is read as IPv4, else as IPv6; the prefix is decimal digits only, at most the address length in bits.
 */
export function parseCidrSloppy(text: string): IpNetwork | undefined {
  const slash = text.indexOf("/");
  if (slash < 0) return undefined;
  const address = text.slice(0, slash);
  const mask = text.slice(slash + 1);
  const ip = parseIpv4(address) ?? parseIpv6(address);
  const prefix = leadingNumber(mask, 10);
  if (ip === undefined || prefix === undefined || prefix.length !== mask.length || prefix.value > ip.length * 8) return undefined;
  return { ip: ip.map((byte, index) => byte & maskByte(prefix.value, index)), prefix: prefix.value };
}

/** `net.IP.To4`: the 4 bytes of an IPv4 address (also when written IPv4-mapped in IPv6), or `undefined`. */
function toIpv4(ip: IpBytes): IpBytes | undefined {
  if (ip.length === IPV4_LENGTH) return ip;
  if (ip.length === IPV6_LENGTH && ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff) return ip.slice(12);
  return undefined;
}

/** `net.IPNet.Contains`: whether `ip` is in `network` (an IPv4 address is never in an IPv6 network, nor the reverse). */
export function networkContains(network: IpNetwork, ip: IpBytes): boolean {
  const networkIp = toIpv4(network.ip) ?? network.ip;
  let mask = network.ip.map((_, index) => maskByte(network.prefix, index));
  if (mask.length === IPV6_LENGTH && networkIp.length === IPV4_LENGTH) mask = mask.slice(12);
  const address = toIpv4(ip) ?? ip;
  if (address.length !== networkIp.length) return false;
  return address.every((byte, index) => (byte & mask[index]!) === (networkIp[index]! & mask[index]!));
}

/** `netutils.IsIPv6`: an address that has no IPv4 form. */
export function isIPv6(ip: IpBytes): boolean {
  return toIpv4(ip) === undefined;
}

/** `net.IP.IsUnspecified`: `0.0.0.0` or `::`. */
export function isUnspecified(ip: IpBytes): boolean {
  return ip.every((b) => b === 0) || (toIpv4(ip)?.every((b) => b === 0) ?? false);
}

/** `net.IP.IsLoopback`: `127.0.0.0/8` or `::1`. */
export function isLoopback(ip: IpBytes): boolean {
  const v4 = toIpv4(ip);
  if (v4 !== undefined) return v4[0] === 127;
  return ip.slice(0, 15).every((b) => b === 0) && ip[15] === 1;
}

/** `net.IP.IsLinkLocalUnicast`: `169.254.0.0/16` or `fe80::/10`. */
export function isLinkLocalUnicast(ip: IpBytes): boolean {
  const v4 = toIpv4(ip);
  if (v4 !== undefined) return v4[0] === 169 && v4[1] === 254;
  return ip[0] === 0xfe && ((ip[1] ?? 0) & 0xc0) === 0x80;
}

/** `net.IP.IsLinkLocalMulticast`: `224.0.0.0/24` or `ff02::/16` (any flags). */
export function isLinkLocalMulticast(ip: IpBytes): boolean {
  const v4 = toIpv4(ip);
  if (v4 !== undefined) return v4[0] === 224 && v4[1] === 0 && v4[2] === 0;
  return ip[0] === 0xff && ((ip[1] ?? 0) & 0x0f) === 0x02;
}

/** `validation.IsValidIP` (Kubernetes 1.28): its messages, none when `ParseIPSloppy` reads the text. */
export function isValidIp(text: string): string[] {
  return parseIpSloppy(text) === undefined ? [IP_ADDRESS_MESSAGE] : [];
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

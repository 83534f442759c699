/**
 * IP addresses and CIDRs parsed as the kube-apiserver parses them (`k8s.io/utils/net`'s `ParseIPSloppy` and
 * `ParseCIDRSloppy`: Go 1.16's `net` parsers, which accept IPv4 parts with leading zeros), and `net.IPNet.Contains`,
 * for the NetworkPolicy ipBlock and Ingress host checks.
 */

const IPV4_LENGTH = 4;
const IPV6_LENGTH = 16;
const BIG = 0xffffff;

/** A number read from the start of `text` (base 10 or 16): its value and how many characters it took. */
function leadingNumber(text: string, base: 10 | 16): { value: number; length: number } | undefined {
  let value = 0;
  let length = 0;
  for (; length < text.length; length++) {
    const digit = parseInt(text[length]!, base);
    if (Number.isNaN(digit)) break;
    value = value * base + digit;
    if (value >= BIG) return undefined;
  }
  return length === 0 ? undefined : { value, length };
}

/** Dotted IPv4 (`10.0.0.1`, leading zeros allowed) as 4 bytes. */
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

/** IPv6 (with `::` and an optional trailing dotted IPv4 part, no zone) as 16 bytes. */
function parseIpv6(text: string): number[] | undefined {
  const ip: number[] = new Array<number>(IPV6_LENGTH).fill(0);
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
    if (ellipsis < 0) return undefined;
    const shift = IPV6_LENGTH - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + shift] = ip[j]!;
    for (let j = ellipsis + shift - 1; j >= ellipsis; j--) ip[j] = 0;
  } else if (ellipsis >= 0) return undefined;
  return ip;
}

/** `ParseIPSloppy`: whether the text is an IPv4 or IPv6 address. */
export function isIpAddressSloppy(text: string): boolean {
  for (const character of text) {
    if (character === ".") return parseIpv4(text) !== undefined;
    if (character === ":") return parseIpv6(text) !== undefined;
  }
  return false;
}

/** A network: its address with the host bits cleared (4 or 16 bytes), and its prefix length. */
export interface IpNetwork {
  readonly ip: readonly number[];
  readonly prefix: number;
}

/** The byte at `index` of a mask of `prefix` leading ones. */
function maskByte(prefix: number, index: number): number {
  const ones = Math.min(Math.max(prefix - index * 8, 0), 8);
  return (0xff << (8 - ones)) & 0xff;
}

/** `ParseCIDRSloppy`: `address/prefix` as a network, or `undefined` when it is not a CIDR. */
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

/** `IP.To4`: the 4 bytes of an IPv4 address (also when written IPv4-mapped in IPv6), or `undefined`. */
function toIpv4(ip: readonly number[]): readonly number[] | undefined {
  if (ip.length === IPV4_LENGTH) return ip;
  if (ip.length === IPV6_LENGTH && ip.slice(0, 10).every((b) => b === 0) && ip[10] === 0xff && ip[11] === 0xff) return ip.slice(12);
  return undefined;
}

/** `IPNet.Contains`: whether `ip` is in `network` (an IPv4 address is never in an IPv6 network and the reverse). */
export function networkContains(network: IpNetwork, ip: readonly number[]): boolean {
  const networkIp = toIpv4(network.ip) ?? network.ip;
  let mask = network.ip.map((_, index) => maskByte(network.prefix, index));
  if (mask.length === IPV6_LENGTH && networkIp.length === IPV4_LENGTH) mask = mask.slice(12);
  const address = toIpv4(ip) ?? ip;
  if (address.length !== networkIp.length) return false;
  return address.every((byte, index) => (byte & mask[index]!) === (networkIp[index]! & mask[index]!));
}

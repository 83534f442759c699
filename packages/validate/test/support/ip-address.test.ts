import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  IP_ADDRESS_MESSAGE,
  isIPv6,
  isLinkLocalMulticast,
  isLinkLocalUnicast,
  isLoopback,
  isUnspecified,
  isValidIp,
  networkContains,
  nonSpecialIpErrors,
  parseCidrSloppy,
  parseIpSloppy,
  type IpBytes,
} from "../../src/support/ip-address.ts";

/** 16 bytes: `prefix` then zeros up to the last `suffix`. */
function v6(prefix: readonly number[], suffix: readonly number[] = []): number[] {
  return [...prefix, ...new Array<number>(16 - prefix.length - suffix.length).fill(0), ...suffix];
}

const MAPPED = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];

/** The bytes of an address the table knows to be valid. */
function ip(text: string): IpBytes {
  const bytes = parseIpSloppy(text);
  if (bytes === undefined) throw new Error(`${text} does not parse`);
  return bytes;
}

describe("parseIpSloppy (Go 1.16's net.ParseIP)", () => {
  const valid: [string, readonly number[]][] = [
    ["10.0.0.1", [10, 0, 0, 1]],
    ["255.255.255.255", [255, 255, 255, 255]],
    ["0.0.0.0", [0, 0, 0, 0]],
    // Leading zeros are decimal, not octal, and cost nothing however many there are.
    ["010.000.000.001", [10, 0, 0, 1]],
    ["0000000000000000255.1.1.1", [255, 1, 1, 1]],
    ["::", v6([])],
    ["::1", v6([], [0, 1])],
    ["2001:db8::ffff", v6([0x20, 0x01, 0x0d, 0xb8], [0xff, 0xff])],
    ["FE80::ABCD", v6([0xfe, 0x80], [0xab, 0xcd])],
    ["1:2:3:4:5:6:7:8", [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8]],
    ["1:2:3:4:5:6:7::", v6([0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7])],
    ["::2:3:4:5:6:7:8", v6([], [0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 8])],
    // A group may have more than 4 hex digits as long as its value fits in 16 bits.
    ["::00001", v6([], [0, 1])],
    ["0000000000ffff::", v6([0xff, 0xff])],
    // Embedded IPv4: after an ellipsis, or as the last 4 bytes.
    ["::ffff:10.0.0.1", [...MAPPED, 10, 0, 0, 1]],
    ["::010.0.0.1", v6([], [10, 0, 0, 1])],
    ["1:2:3:4:5:6:1.2.3.4", [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 1, 2, 3, 4]],
    ["1::1.2.3.4", v6([0, 1], [1, 2, 3, 4])],
  ];
  it.each(valid)("reads %s", (text, bytes) => {
    expect(parseIpSloppy(text)).toStrictEqual(bytes);
  });

  const invalid: [string, string][] = [
    ["", "empty"],
    ["abc", "neither '.' nor ':'"],
    ["10.0.0", "missing part"],
    ["1.2.3.4.5", "extra part"],
    ["10.0.0.1.", "trailing dot"],
    ["10..0.1", "empty part"],
    ["10.0.0.256", "part over 255"],
    ["16777216.0.0.1", "part beyond Go's big"],
    ["-1.0.0.0", "sign"],
    ["+1.0.0.0", "sign"],
    ["0x1.0.0.0", "hex in IPv4"],
    [" 10.0.0.1", "leading space"],
    ["10.0.0.1 ", "trailing space"],
    ["10.0.0.1/32", "a CIDR"],
    ["fe80::1%eth0", "zone"],
    ["[::1]", "brackets"],
    [":::", "three colons"],
    ["1:::2", "three colons inside"],
    ["1::2::3", "two ellipses"],
    [":1::", "single leading colon"],
    ["1:", "trailing colon"],
    [":1", "leading colon"],
    ["1:2:3:4:5:6:7", "7 groups, no ellipsis"],
    ["1:2:3:4:5:6:7:8:9", "9 groups"],
    ["1:2:3:4:5:6:7:8::", "ellipsis standing for no group"],
    ["::1:2:3:4:5:6:7:8", "ellipsis standing for no group"],
    ["10000::", "group over 0xFFFF"],
    ["g::", "not hex"],
    ["::1.2.3.4:5", "IPv4 not last"],
    ["1.2.3.4::", "the first '.' makes it IPv4"],
    ["1:2:3:4:5:1.2.3.4", "embedded IPv4 too early without an ellipsis"],
    ["1:2:3:4:5:6:7:1.2.3.4", "embedded IPv4 too late"],
    ["::1:2:3:4:5:6:7:1.2.3.4", "no room for the embedded IPv4"],
    ["::ffff:256.0.0.1", "embedded part over 255"],
    ["::ffff:1.2.3", "embedded IPv4 too short"],
  ];
  it.each(invalid)("rejects %j (%s)", (text) => {
    expect(parseIpSloppy(text)).toBeUndefined();
  });

  it("reads any dotted IPv4, leading zeros or not", () => {
    const part = fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 12 }));
    fc.assert(
      fc.property(fc.array(part, { minLength: 4, maxLength: 4 }), (parts) => {
        const text = parts.map(([value, zeros]) => "0".repeat(zeros) + String(value)).join(".");
        expect(parseIpSloppy(text)).toStrictEqual(parts.map(([value]) => value));
      }),
    );
  });

  it("reads any full IPv6, groups zero-padded or not", () => {
    const group = fc.tuple(fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 0, max: 6 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), (groups) => {
        const text = groups.map(([value, zeros, upper]) => "0".repeat(zeros) + (upper ? value.toString(16).toUpperCase() : value.toString(16))).join(":");
        expect(parseIpSloppy(text)).toStrictEqual(groups.flatMap(([value]) => [value >> 8, value & 0xff]));
      }),
    );
  });
});

describe("parseCidrSloppy (Go 1.16's net.ParseCIDR)", () => {
  const valid: [string, readonly number[], number][] = [
    ["10.0.0.0/8", [10, 0, 0, 0], 8],
    ["10.1.2.3/8", [10, 0, 0, 0], 8],
    ["010.001.0.0/16", [10, 1, 0, 0], 16],
    ["0.0.0.0/0", [0, 0, 0, 0], 0],
    ["192.168.1.129/25", [192, 168, 1, 128], 25],
    ["10.0.0.1/32", [10, 0, 0, 1], 32],
    ["10.0.0.1/0032", [10, 0, 0, 1], 32],
    ["10.0.0.1/00000000000000000000000032", [10, 0, 0, 1], 32],
    ["::/0", v6([]), 0],
    ["2001:db8::1/32", v6([0x20, 0x01, 0x0d, 0xb8]), 32],
    ["2001:db8::1/128", v6([0x20, 0x01, 0x0d, 0xb8], [0, 1]), 128],
    ["fe80::1/10", v6([0xfe, 0x80]), 10],
    // An IPv4-mapped address is IPv6 for the prefix length.
    ["::ffff:10.0.0.0/104", [...MAPPED, 10, 0, 0, 0], 104],
    ["::ffff:1.2.3.4/32", v6([]), 32],
  ];
  it.each(valid)("reads %s", (text, bytes, prefix) => {
    expect(parseCidrSloppy(text)).toStrictEqual({ ip: bytes, prefix });
  });

  const invalid: [string, string][] = [
    ["10.0.0.0", "no prefix"],
    ["10.0.0.0/", "empty prefix"],
    ["/8", "no address"],
    ["10.0.0.0/33", "prefix over 32"],
    ["::/129", "prefix over 128"],
    ["10.0.0.0/-1", "sign"],
    ["10.0.0.0/+8", "sign"],
    ["10.0.0.0/ 8", "space"],
    ["10.0.0.0/8 ", "trailing space"],
    ["10.0.0.0/8/8", "two slashes"],
    ["10.0.0.0/0x8", "hex prefix"],
    ["10.0.0.256/8", "part over 255"],
    ["fe80::%eth0/64", "zone"],
    ["1.2.3.4::/64", "neither IPv4 nor IPv6"],
    ["10.0.0/8", "short IPv4"],
  ];
  it.each(invalid)("rejects %j (%s)", (text) => {
    expect(parseCidrSloppy(text)).toBeUndefined();
  });
});

describe("networkContains (net.IPNet.Contains)", () => {
  const cases: [string, string, boolean][] = [
    ["10.0.0.0/8", "10.1.2.3", true],
    ["10.0.0.0/8", "11.0.0.0", false],
    ["10.0.0.0/8", "::ffff:10.1.2.3", true],
    ["::ffff:10.0.0.0/104", "10.1.2.3", true],
    ["::ffff:10.0.0.0/104", "11.1.2.3", false],
    ["0.0.0.0/0", "1.2.3.4", true],
    ["::/0", "1.2.3.4", false],
    ["::/0", "2001:db8::1", true],
    ["2001:db8::/32", "2001:db8:ffff::1", true],
    ["2001:db8::/32", "2001:db9::1", false],
    ["2001:db8::/32", "10.0.0.1", false],
    ["10.0.0.0/8", "2001:db8::1", false],
    ["192.168.1.128/25", "192.168.1.200", true],
    ["192.168.1.128/25", "192.168.1.100", false],
  ];
  it.each(cases)("%s contains %s: %s", (cidr, address, contained) => {
    const network = parseCidrSloppy(cidr);
    expect(network).toBeDefined();
    expect(networkContains(network!, ip(address))).toBe(contained);
  });
});

describe("the net.IP predicates", () => {
  const cases: [string, { ipv6: boolean; unspecified: boolean; loopback: boolean; linkLocal: boolean; linkLocalMulticast: boolean }][] = [
    ["10.0.0.1", { ipv6: false, unspecified: false, loopback: false, linkLocal: false, linkLocalMulticast: false }],
    ["0.0.0.0", { ipv6: false, unspecified: true, loopback: false, linkLocal: false, linkLocalMulticast: false }],
    ["000.000.000.000", { ipv6: false, unspecified: true, loopback: false, linkLocal: false, linkLocalMulticast: false }],
    ["::", { ipv6: true, unspecified: true, loopback: false, linkLocal: false, linkLocalMulticast: false }],
    ["::ffff:0.0.0.0", { ipv6: false, unspecified: true, loopback: false, linkLocal: false, linkLocalMulticast: false }],
    ["127.255.0.1", { ipv6: false, unspecified: false, loopback: true, linkLocal: false, linkLocalMulticast: false }],
    ["::ffff:127.0.0.1", { ipv6: false, unspecified: false, loopback: true, linkLocal: false, linkLocalMulticast: false }],
    ["::1", { ipv6: true, unspecified: false, loopback: true, linkLocal: false, linkLocalMulticast: false }],
    ["::2", { ipv6: true, unspecified: false, loopback: false, linkLocal: false, linkLocalMulticast: false }],
    ["169.254.1.1", { ipv6: false, unspecified: false, loopback: false, linkLocal: true, linkLocalMulticast: false }],
    ["fe80::1", { ipv6: true, unspecified: false, loopback: false, linkLocal: true, linkLocalMulticast: false }],
    ["febf::1", { ipv6: true, unspecified: false, loopback: false, linkLocal: true, linkLocalMulticast: false }],
    ["fec0::1", { ipv6: true, unspecified: false, loopback: false, linkLocal: false, linkLocalMulticast: false }],
    ["224.0.0.251", { ipv6: false, unspecified: false, loopback: false, linkLocal: false, linkLocalMulticast: true }],
    ["224.0.1.1", { ipv6: false, unspecified: false, loopback: false, linkLocal: false, linkLocalMulticast: false }],
    ["ff02::1", { ipv6: true, unspecified: false, loopback: false, linkLocal: false, linkLocalMulticast: true }],
    ["ff12::1", { ipv6: true, unspecified: false, loopback: false, linkLocal: false, linkLocalMulticast: true }],
    ["ff05::1", { ipv6: true, unspecified: false, loopback: false, linkLocal: false, linkLocalMulticast: false }],
  ];
  it.each(cases)("%s", (text, expected) => {
    const bytes = ip(text);
    expect({
      ipv6: isIPv6(bytes),
      unspecified: isUnspecified(bytes),
      loopback: isLoopback(bytes),
      linkLocal: isLinkLocalUnicast(bytes),
      linkLocalMulticast: isLinkLocalMulticast(bytes),
    }).toStrictEqual(expected);
  });
});

describe("the apiserver's IP messages", () => {
  it("IsValidIP", () => {
    expect(isValidIp("010.0.0.1")).toStrictEqual([]);
    expect(isValidIp("fe80::1%eth0")).toStrictEqual([IP_ADDRESS_MESSAGE]);
    expect(IP_ADDRESS_MESSAGE).toBe("must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
  });

  it("ValidateNonSpecialIP", () => {
    expect(nonSpecialIpErrors("10.0.0.1")).toStrictEqual([]);
    expect(nonSpecialIpErrors("nope")).toStrictEqual(["must be a valid IP address"]);
    expect(nonSpecialIpErrors("0.0.0.0")).toStrictEqual(["may not be unspecified (0.0.0.0)"]);
    expect(nonSpecialIpErrors("::1")).toStrictEqual(["may not be in the loopback range (127.0.0.0/8)"]);
    expect(nonSpecialIpErrors("169.254.169.254")).toStrictEqual(["may not be in the link-local range (169.254.0.0/16)"]);
    expect(nonSpecialIpErrors("224.0.0.1")).toStrictEqual(["may not be in the link-local multicast range (224.0.0.0/24)"]);
  });
});

import { HTTP_STATUS_CODES, RETRY_ON_POLICIES } from "./envoy-retry-on.ts";

/**
 * The string formats named by `@format` in the spec types, with the noun used in error messages. One table, so a
 * format cannot be checked without also being explained.
 */
export interface SpecFormat {
  /** What a valid value is, as it appears in `"x" is not <noun>`. */
  readonly noun: string;
  /** Whether a value has this format. */
  readonly test: (value: string) => boolean;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUANTITY = /^[+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(([KMGTPE]i)|[numkMGTPE]|([eE][+-]?[0-9]+))?$/;
const DURATION = /^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$/;
const IMAGE_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const IMAGE_DIGEST = /^sha256:[a-f0-9]{64}$/;
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
/** A repository in the image reference grammar: an optional registry host (and port), then `/`-separated path components. */
const IMAGE_REPOSITORY =
  /^(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][-a-zA-Z0-9]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][-a-zA-Z0-9]*[a-zA-Z0-9]))*(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/** Nanoseconds per unit of a duration. */
const DURATION_UNITS: Readonly<Record<string, bigint>> = { ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };

/** A duration's length in nanoseconds (fractions below a nanosecond dropped, as Go's parser does), or undefined. */
export function durationNanoseconds(value: string): bigint | undefined {
  if (!DURATION.test(value)) return undefined;
  let total = 0n;
  for (const [, whole, fraction = "", unit] of value.matchAll(/([0-9]+)(?:\.([0-9]+))?(ms|s|m|h)/g)) {
    const scale = DURATION_UNITS[unit!]!;
    total += BigInt(whole!) * scale + (BigInt(fraction || "0") * scale) / 10n ** BigInt(fraction.length);
  }
  return total;
}

/** A ConfigMap or Secret key as the API server accepts it (`IsConfigMapKey`). */
function isConfigKey(value: string): boolean {
  return value.length <= 253 && /^[-._a-zA-Z0-9]+$/.test(value) && value !== "." && !value.startsWith("..");
}

export const SPEC_FORMATS: Readonly<Record<string, SpecFormat>> = {
  "dns-label": {
    noun: "a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)",
    test: (value) => value.length <= 63 && DNS_LABEL.test(value),
  },
  "tenant-name": {
    noun: "a tenant name (a DNS-1123 label of at most 48 characters: lowercase letters, digits and '-', starting and ending with a letter or digit)",
    test: (value) => value.length <= 48 && DNS_LABEL.test(value),
  },
  "service-name": {
    noun: "a service name (a DNS-1035 label: lowercase letters, digits and '-', starting with a letter, at most 47 characters)",
    test: (value) => value.length <= 47 && /^[a-z]([-a-z0-9]*[a-z0-9])?$/.test(value),
  },
  "version-name": {
    noun: "a version name (lowercase letters, digits and '-', at most 15 characters)",
    test: (value) => value.length <= 15 && DNS_LABEL.test(value),
  },
  "port-name": {
    noun: "a port name (at most 15 lowercase letters, digits and '-', with a letter, no '--', not starting or ending with '-')",
    test: (value) => value.length <= 15 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(value) && /[a-z]/.test(value) && !value.includes("--"),
  },
  "rbac-resource": {
    noun: "a resource name (lowercase, e.g. pods or pods/log; wildcards are not allowed)",
    test: (value) => /^[a-z][a-z0-9]*(\/[a-z]+)?$/.test(value),
  },
  "api-group": {
    noun: "an API group (\"\" for the core group, or a DNS subdomain such as apps; wildcards are not allowed)",
    test: (value) => value === "" || (value.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(value)),
  },
  "absolute-path": {
    noun: "an absolute path (starting with /, without .. segments)",
    test: (value) => value.startsWith("/") && !value.split("/").includes("..") && !/\s/.test(value),
  },
  hostname: {
    noun: "a host name (lowercase DNS labels separated by dots, optionally starting with *.)",
    test: (value) =>
      value.length <= 253 && /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(value),
  },
  "external-host": {
    noun: "an external host name (a fully qualified domain name: two or more lowercase DNS labels separated by dots, the last starting with a letter; no wildcard, no IP address)",
    test: (value) => {
      const labels = value.split(".");
      return (
        value.length <= 253 &&
        labels.length >= 2 &&
        labels.every((label) => label.length <= 63 && DNS_LABEL.test(label)) &&
        /^[a-z]/.test(labels[labels.length - 1]!)
      );
    },
  },
  quantity: { noun: "a quantity", test: (value) => QUANTITY.test(value) },
  duration: { noun: "a duration (e.g. 500ms, 2s, 1m)", test: (value) => DURATION.test(value) },
  "image-tag": { noun: "an image tag", test: (value) => IMAGE_TAG.test(value) },
  "image-digest": { noun: "an image digest (sha256: and 64 lowercase hex digits)", test: (value) => IMAGE_DIGEST.test(value) },
  "secret-path": {
    noun: "a secret path (lowercase segments of letters, digits, '-' and '.' separated by '/', without '..')",
    test: (value) => value.length <= 200 && /^[a-z0-9]([-.a-z0-9]*[a-z0-9])?(\/[a-z0-9]([-.a-z0-9]*[a-z0-9])?)*$/.test(value) && !value.split("/").includes(".."),
  },
  "secret-key": {
    noun: "a secret key (letters, digits, '-', '_' and '.', not '.' nor starting with '..')",
    test: isConfigKey,
  },
  "config-key": {
    noun: "a ConfigMap or Secret key (letters, digits, '-', '_' and '.', not '.' nor starting with '..', at most 253 characters)",
    test: isConfigKey,
  },
  "image-repository": {
    noun: "an image repository (an optional registry host, then lowercase path components separated by '/', e.g. registry.example.com/shop/cart)",
    test: (value) => value.length <= 255 && IMAGE_REPOSITORY.test(value),
  },
  "mesh-duration": {
    noun: "a mesh duration (at least 1ms, in whole milliseconds, e.g. 500ms, 2s, 1m)",
    test: (value) => {
      const nanoseconds = durationNanoseconds(value);
      return nanoseconds !== undefined && nanoseconds >= 1_000_000n && nanoseconds % 1_000_000n === 0n;
    },
  },
  "retry-on": {
    noun: `a list of retry conditions (comma-separated, each an HTTP status code or one of ${RETRY_ON_POLICIES.join(", ")})`,
    test: (value) => value.split(",").every((policy) => RETRY_ON_POLICIES.includes(policy) || HTTP_STATUS_CODES.has(Number(policy)) && /^[0-9]+$/.test(policy)),
  },
  "env-var-name": {
    noun: "an environment variable name (letters, digits, '_', '-' and '.', not starting with a digit)",
    test: (value) => ENV_VAR_NAME.test(value),
  },
};

import fc from "fast-check";
import { SPEC_FORMATS, type PlatformDefinition } from "@cloudlab/model";
import schema from "../../../../packages/model/src/generated/spec.schema.json" with { type: "json" };

// The arbitraries of the spec fuzzer (spec-fuzz.test.ts): random service, tenant and environment specs shaped by the
// specs' JSON Schema (its types, enums, ranges, patterns, formats, required fields and maps) and, with some probability
// at every field, replaced by anything at all.

export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  format?: string;
};

export const definitions = (schema as unknown as { definitions: Record<string, JsonSchema> }).definitions;

/** Anything at all: what a spec file written by hand, or by mistake, may hold where a field is expected. */
export const wild: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, false, 0, -1, 1e21, Number.NaN, Number.POSITIVE_INFINITY, "", " ", "__proto__", "constructor", "💥", "a".repeat(300)),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: -100_000, max: 100_000 }),
  fc.double(),
  fc.constant({}),
  fc.constant([]),
  fc.dictionary(fc.constantFrom("name", "port", "tag", "__proto__", "x"), fc.oneof(fc.string({ maxLength: 4 }), fc.integer()), { maxKeys: 2 }),
  fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
);

const hex64 = fc.stringMatching(/^[a-f0-9]{64}$/);

/**
 * Values of each `@format` of the specs: mostly values of the format (typical ones, the edges — longest, shortest,
 * digits first — and regular-expression samples), from which the checks and the render see realistic input; the
 * shaped generator mixes in strings of no format at all. Region and zone shapes of both providers are among the
 * DNS labels (`us-west-2`, `us-west-2a`, `us-central1`, `us-central1-a`), so a cluster meets the other provider's.
 */
export const FORMAT_VALUES: Readonly<Record<string, fc.Arbitrary<string>>> = {
  "dns-label": fc.oneof(
    fc.constantFrom("shop", "svc", "a", "0", "9lives", "x".repeat(63), "us-west-2", "us-east-1", "us-west-2a", "us-west-2b", "eu-west-1", "us-central1", "europe-west1", "us-central1-a", "us-central1-b", "asia-east1-c", "gp3", "premium-rwo"),
    fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,20}[a-z0-9])?$/),
  ),
  "tenant-name": fc.oneof(fc.constantFrom("shop", "payments", "a", "x".repeat(48), "x".repeat(49), "istio-system", "monitoring"), fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,14}[a-z0-9])?$/)),
  "service-name": fc.oneof(fc.constantFrom("svc", "other", "a", "x".repeat(47)), fc.stringMatching(/^[a-z]([-a-z0-9]{0,14}[a-z0-9])?$/)),
  "version-name": fc.oneof(fc.constantFrom("v1", "v2", "blue", "green", "canary", "x".repeat(15)), fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,6}[a-z0-9])?$/)),
  "port-name": fc.oneof(fc.constantFrom("http", "grpc", "metrics", "http-admin", "tcp", "h2c", "9a", "tls", "x".repeat(15)), fc.stringMatching(/^[a-z]([-a-z0-9]{0,8}[a-z0-9])?$/)),
  "rbac-resource": fc.oneof(fc.constantFrom("pods", "services", "configmaps", "pods/log", "deployments", "leases", "endpoints", "secrets"), fc.stringMatching(/^[a-z][a-z0-9]{0,10}(\/[a-z]{1,6})?$/)),
  "api-group": fc.oneof(fc.constantFrom("", "apps", "batch", "coordination.k8s.io", "example.com", "a", "x".repeat(63)), fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,8}[a-z0-9])?(\.[a-z0-9]{1,6})?$/)),
  "absolute-path": fc.oneof(fc.constantFrom("/", "/tmp", "/var/cache", "/healthz", "/data/x", "/a.b"), fc.stringMatching(/^(\/[a-zA-Z0-9._-]{1,8}){1,3}\/?$/)),
  hostname: fc.oneof(fc.constantFrom("shop.example.com", "*.example.com", "a", "api.example.com", "example", "0.example"), fc.stringMatching(/^(\*\.)?[a-z0-9]{1,8}(\.[a-z0-9]{1,6}){0,2}$/)),
  "external-host": fc.oneof(fc.constantFrom("api.payments.example", "smtp.mail.example.com", "x.io", "a.b", "1.example"), fc.stringMatching(/^[a-z0-9]{1,8}(\.[a-z0-9-]{0,6}[a-z0-9]){0,2}\.[a-z]{1,6}$/)),
  quantity: fc.oneof(
    fc.constantFrom("0", "1", "100m", "250m", "64Mi", "1Gi", "0.5", "1e3", "2", "1k", "512M", ".5", "1.5Gi", "1m", "100Ti", "+1", "0.001", "9E"),
    fc.stringMatching(/^[0-9]{1,5}(m|Mi|Gi|Ki|k|M|G)?$/),
  ),
  duration: fc.oneof(fc.constantFrom("0s", "1s", "500ms", "1m30s", "2h", "10s", "0.5s", "1ms", "999h"), fc.stringMatching(/^[0-9]{1,4}(ms|s|m|h)$/)),
  "image-tag": fc.oneof(fc.constantFrom("1.0.0", "v1", "latest", "sha-abc", "_x", "1", "x".repeat(128)), fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,12}$/)),
  "image-digest": hex64.map((hex) => `sha256:${hex}`),
  "secret-path": fc.oneof(fc.constantFrom("db/password", "shop/api", "a", "a.b/c-d"), fc.stringMatching(/^[a-z0-9]{1,8}(\/[a-z0-9]{1,8}){0,2}$/)),
  "secret-key": fc.oneof(fc.constantFrom("password", "API_KEY", "tls.crt", "a", "-", ".", "..a"), fc.stringMatching(/^[-._a-zA-Z0-9]{1,12}$/)),
  "config-key": fc.oneof(fc.constantFrom("LOG_LEVEL", "config.yaml", "a", ".", "..a", "?b"), fc.stringMatching(/^[-._a-zA-Z0-9]{1,12}$/)),
  "image-repository": fc.oneof(
    fc.constantFrom("registry.example/shop/svc", "redis", "localhost:5000/a", "us-central1-docker.pkg.dev/p/r/x", "Registry.Example.com/a", "a--b/c__d"),
    fc.stringMatching(/^([a-z0-9]{1,6}(\.[a-z]{1,4})?(:[0-9]{1,4})?\/)?[a-z0-9]{1,6}([._-][a-z0-9]{1,4})?(\/[a-z0-9]{1,6}){0,2}$/),
  ),
  "mesh-duration": fc.oneof(fc.constantFrom("1ms", "500ms", "2s", "1m30s", "0.001s", "1h", "999h"), fc.stringMatching(/^[1-9][0-9]{0,3}(ms|s|m|h)$/)),
  "retry-on": fc.oneof(
    fc.constantFrom("5xx", "connect-failure,refused-stream,reset,gateway-error", "unavailable,cancelled", "503", "retriable-status-codes,503"),
    fc.array(fc.constantFrom("5xx", "reset", "gateway-error", "connect-failure", "retriable-4xx", "unavailable", "429", "503"), { minLength: 1, maxLength: 3 }).map((policies) => policies.join(",")),
  ),
  "env-var-name": fc.oneof(fc.constantFrom("FOO", "LOG_LEVEL", "a.b", "-x", "_", "PORT"), fc.stringMatching(/^[-._a-zA-Z][-._a-zA-Z0-9]{0,10}$/)),
};

/** The map keys of `additionalProperties` objects (overrides by service, …): the fuzzed platform's own names among them. */
const mapKey = fc.oneof(fc.constantFrom("svc", "shop/svc", "other", "shop/other"), fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/));

/**
 * Values of a schema. `wildness` is the probability that a value (at any depth) is replaced by {@link wild}; depth
 * bounds nested objects.
 */
export function fromSchema(node: JsonSchema, wildness: number, depth = 0): fc.Arbitrary<unknown> {
  const shaped = shapedFromSchema(node, wildness, depth);
  if (wildness === 0) return shaped;
  const weight = Math.max(1, Math.round(wildness * 100));
  return fc.oneof({ weight: 100 - weight, arbitrary: shaped }, { weight, arbitrary: wild });
}

function shapedFromSchema(node: JsonSchema, wildness: number, depth: number): fc.Arbitrary<unknown> {
  if (node.$ref !== undefined) return fromSchema(definitions[node.$ref.replace("#/definitions/", "")]!, wildness, depth);
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum !== undefined) return fc.constantFrom(...node.enum);
  const alternatives = node.anyOf ?? node.oneOf;
  if (alternatives !== undefined) return fc.oneof(...alternatives.map((a) => fromSchema(a, wildness, depth)));
  const type = Array.isArray(node.type) ? node.type[0] : node.type;
  switch (type) {
    case "string": {
      const lengthOk = (s: string) => s.length <= (node.maxLength ?? 253) && s.length >= (node.minLength ?? 0);
      if (node.pattern !== undefined) return fc.stringMatching(new RegExp(node.pattern)).filter(lengthOk);
      const formatted = node.format === undefined ? undefined : FORMAT_VALUES[node.format];
      if (node.format !== undefined && (formatted === undefined || SPEC_FORMATS[node.format] === undefined)) {
        throw new Error(`the fuzzer has no values for the spec format "${node.format}": add them to FORMAT_VALUES`);
      }
      const free = fc.string({ minLength: node.minLength ?? 0, maxLength: Math.min(node.maxLength ?? 16, 16) });
      // Mostly values of the format, so that what follows the schema (checks, render, gate) sees them.
      return formatted === undefined ? free : fc.oneof({ weight: 9, arbitrary: formatted }, { weight: 1, arbitrary: free });
    }
    case "integer":
      return fc.integer({ min: node.minimum ?? (node.exclusiveMinimum === undefined ? -5 : node.exclusiveMinimum + 1), max: node.maximum ?? 100_000 });
    case "number":
      return fc.double({ min: node.minimum ?? -5, max: node.maximum ?? 1_000, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "array": {
      if (depth > 4 || node.items === undefined) return fc.constant([]);
      return fc.array(fromSchema(node.items, wildness, depth + 1), { minLength: node.minItems ?? 0, maxLength: Math.max(node.minItems ?? 0, Math.min(node.maxItems ?? 3, 3)) });
    }
    case "object": {
      if (node.properties === undefined) {
        if (depth > 4 || typeof node.additionalProperties !== "object") return fc.constant({});
        return fc.dictionary(mapKey, fromSchema(node.additionalProperties, wildness, depth + 1), { maxKeys: 2 });
      }
      if (depth > 4) return fc.constant({});
      const required = new Set(node.required ?? []);
      return fc.record(
        Object.fromEntries(Object.entries(node.properties).map(([key, value]) => [key, fromSchema(value, wildness, depth + 1)])),
        { requiredKeys: [...required] },
      );
    }
    default:
      return wild;
  }
}

export const tenant = { name: "shop", team: "shop", description: "The fuzzed platform's tenant." };
export const environments = [
  { name: "dev", stage: "dev", cluster: { name: "dev-us-west-2", provider: "eks", region: "us-west-2" } },
  { name: "prod", stage: "prod", cluster: { name: "prod-us-west-2", provider: "eks", region: "us-west-2", role: "primary" } },
];

/** A plausible third environment of each provider, in its own stage, so that a fuzzed field usually meets one that renders. */
export const plausibleEnvironments = [
  { name: "staging", stage: "staging", cluster: { name: "staging-us-east-1", provider: "eks", region: "us-east-1" } },
  { name: "staging-gke", stage: "staging", cluster: { name: "staging-us-central1", provider: "gke", region: "us-central1", gcpProject: "shop-staging-1" } },
];

/** A plausible service, so that a fuzzed field usually meets a service that otherwise renders. */
export const baseService = {
  name: "svc",
  team: "shop",
  tenant: "shop",
  description: "Fuzzed.",
  image: { repository: "registry.example/shop/svc", tag: "1.0.0" },
  ports: [{ name: "http", port: 8080, protocol: "http" }],
  resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "200m", memory: "128Mi" } },
  probes: { readiness: { http: { path: "/healthz", port: "http" } }, liveness: { http: { path: "/healthz", port: "http" } } },
  autoscaling: { minReplicas: 2, maxReplicas: 20 },
};

/** `base` with `count` of its fields (keys of `definition`) replaced by generated ones, or removed when not generated. */
function withGeneratedFields(base: Record<string, unknown>, definition: string, wildness: number, count: number): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fromSchema({ $ref: `#/definitions/${definition}` }, wildness),
      fc.uniqueArray(fc.constantFrom(...Object.keys(definitions[definition]!.properties!)), { minLength: 1, maxLength: count }),
    )
    .map(([generated, keys]) => {
      const spec: Record<string, unknown> = { ...base };
      for (const key of keys) {
        if (typeof generated === "object" && generated !== null && key in generated) spec[key] = (generated as Record<string, unknown>)[key];
        else delete spec[key];
      }
      return spec;
    });
}

/** A platform of these specs, each in a file of its kind (`services/shop/s0.ts`, `tenants/t0.ts`, `environments/e0.ts`, …). */
export function platform(services: unknown[], tenants: unknown[] = [tenant], envs: unknown[] = environments): PlatformDefinition {
  return {
    tenants: tenants.map((spec, i) => ({ spec: spec as never, file: `tenants/t${i}.ts` })),
    services: services.map((spec, i) => ({ spec: spec as never, file: `services/shop/s${i}.ts` })),
    environments: envs.map((spec, i) => ({ spec: spec as never, file: `environments/e${i}.ts` })),
  };
}

/**
 * A platform with one fuzzed spec: a service (a whole generated one, or the plausible one with some fields generated),
 * a tenant, or an environment (a whole generated one, or a plausible EKS or GKE one with some of its own or its
 * cluster's fields generated, next to the plausible ones), with `wildness` as in {@link fromSchema}.
 */
export function platformArb(wildness: number, mostlyPlausible = false): fc.Arbitrary<PlatformDefinition> {
  // Rendering needs a platform that checks: mostly plausible specs with one or two fields generated.
  const plausible = mostlyPlausible ? 8 : 1;
  const fields = mostlyPlausible ? 2 : 4;
  const plausibleEnvironment = fc
    .tuple(fc.constantFrom(...plausibleEnvironments), fc.boolean())
    .chain(([base, inCluster]) =>
      inCluster
        ? withGeneratedFields(base.cluster, "ClusterSpec", wildness, fields).map((cluster) => ({ ...base, cluster }))
        : withGeneratedFields(base, "EnvironmentSpec", wildness, fields),
    );
  return fc.oneof(
    { weight: 1, arbitrary: fromSchema({ $ref: "#/definitions/ServiceSpec" }, wildness).map((spec) => platform([spec])) },
    { weight: plausible, arbitrary: withGeneratedFields(baseService, "ServiceSpec", wildness, fields).map((spec) => platform([spec])) },
    { weight: 1, arbitrary: fromSchema({ $ref: "#/definitions/TenantSpec" }, wildness).map((spec) => platform([baseService], [tenant, spec])) },
    { weight: 1, arbitrary: fromSchema({ $ref: "#/definitions/EnvironmentSpec" }, wildness).map((spec) => platform([baseService], [tenant], [...environments, spec])) },
    { weight: plausible, arbitrary: plausibleEnvironment.map((spec) => platform([baseService], [tenant], [...environments, spec])) },
  );
}

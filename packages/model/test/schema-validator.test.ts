import { describe, expect, it } from "vitest";
import type { FieldProblem } from "../src/field-problem.ts";
import { validateAgainstSchema } from "../src/schema-validator.ts";
import type { ServiceSpec } from "../src/spec/index.ts";
import { cartSpec, checkoutSpec, environmentSpec, ledgerSpec } from "./fixtures.ts";

const DNS_LABEL = "a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)";
const SERVICE_NAME = "a service name (a DNS-1035 label: lowercase letters, digits and '-', starting with a letter, at most 47 characters)";
const PORT_NAME = "a port name (at most 15 lowercase letters, digits and '-', with a letter, no '--', not starting or ending with '-')";

/** A spec as it might come out of a file that does not type-check. */
function loose(changes: Record<string, unknown>, base: ServiceSpec = checkoutSpec()): unknown {
  return { ...base, ...changes };
}

function without(spec: ServiceSpec, ...keys: (keyof ServiceSpec)[]): unknown {
  return Object.fromEntries(Object.entries(spec).filter(([k]) => !keys.includes(k as keyof ServiceSpec)));
}

const readiness = (check: Record<string, unknown>) => ({ probes: { ...checkoutSpec().probes, readiness: check } });

describe("validateAgainstSchema(ServiceSpec)", () => {
  it.each<[string, unknown]>([
    ["checkout", checkoutSpec()],
    ["cart", cartSpec()],
    ["ledger", ledgerSpec()],
    ["the fewest fields", without(ledgerSpec(), "replicas", "exposedTo")],
    ["http.port as a name", loose(readiness({ http: { path: "/", port: "http" } }))],
    ["http.port as a number", loose(readiness({ http: { path: "/", port: 8080 } }))],
    ["tcp.port as a name", loose(readiness({ tcp: { port: "grpc" } }))],
    ["tcp.port as a number", loose(readiness({ tcp: { port: 65535 } }))],
  ])("accepts %s", (_, spec) => {
    expect(validateAgainstSchema("ServiceSpec", spec)).toEqual([]);
  });

  it.each<[string, unknown, FieldProblem[]]>([
    ["an unknown field", loose({ replicaz: 3 }), [{ path: "replicaz", message: "unknown field" }]],
    ["an unknown nested field", loose({ image: { repository: "r", tag: "v1", pull: "always" } }), [{ path: "image.pull", message: "unknown field" }]],
    ["a missing required field", without(checkoutSpec(), "team"), [{ path: "team", message: "is required" }]],
    [
      "missing required fields, in the order the type declares them",
      without(checkoutSpec(), "name", "tenant", "image"),
      [
        { path: "name", message: "is required" },
        { path: "tenant", message: "is required" },
        { path: "image", message: "is required" },
      ],
    ],
    ["a missing nested field", loose({ image: { tag: "v1" } }), [{ path: "image.repository", message: "is required" }]],
    ["a bad enum", loose({ workload: "batch" }), [{ path: "workload", message: '"batch" is not one of: stateless, stateful' }]],
    [
      "a bad enum in a list",
      loose({ ports: [{ name: "dns", port: 53, protocol: "udp" }] }),
      [{ path: "ports[0].protocol", message: '"udp" is not one of: http, http2, grpc, tcp' }],
    ],
    ["a string for an integer", loose({ replicas: "3" }), [{ path: "replicas", message: 'must be an integer, got "3"' }]],
    ["a fraction for an integer", loose({ replicas: 1.5 }), [{ path: "replicas", message: "must be an integer, got 1.5" }]],
    ["a string for a list", loose({ calls: "cart" }), [{ path: "calls", message: 'must be an array, got "cart"' }]],
    ["a string for an object", loose({ image: "r:v1" }), [{ path: "image", message: 'must be an object, got "r:v1"' }]],
    ["a number in a string list", loose({ calls: ["cart", 3] }), [{ path: "calls[1]", message: "must be a string, got 3" }]],
    ["not an object at all", 42, [{ path: "", message: "must be an object, got 42" }]],
    ["null", null, [{ path: "", message: "must be an object, got null" }]],
    [
      "a bad quantity",
      loose({ resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { cpu: "500mm", memory: "128Mi" } } }),
      [{ path: "resources.limits.cpu", message: '"500mm" is not a quantity' }],
    ],
    [
      "a partial resources object",
      loose({ resources: { limits: { cpu: "1", memory: "1Gi" } } }),
      [{ path: "resources.requests", message: "is required" }],
    ],
    ["a port of 0", loose({ ports: [{ name: "http", port: 0, protocol: "http" }] }), [{ path: "ports[0].port", message: "must be >= 1, got 0" }]],
    [
      "a port above 65535",
      loose({ ports: [{ name: "http", port: 65536, protocol: "http" }] }),
      [{ path: "ports[0].port", message: "must be <= 65535, got 65536" }],
    ],
    [
      "a target port above 65535",
      loose({ ports: [{ name: "http", port: 80, targetPort: 70000, protocol: "http" }] }),
      [{ path: "ports[0].targetPort", message: "must be <= 65535, got 70000" }],
    ],
    ["a negative replica count", loose({ replicas: -1 }), [{ path: "replicas", message: "must be >= 0, got -1" }]],
    ["a percentage above 100", loose({ autoscaling: { minReplicas: 1, maxReplicas: 2, cpuTargetPercent: 101 } }), [{ path: "autoscaling.cpuTargetPercent", message: "must be <= 100, got 101" }]],
    ["a grace period of 0", loose({ terminationGracePeriodSeconds: 0 }), [{ path: "terminationGracePeriodSeconds", message: "must be >= 1, got 0" }]],
    ["a bad name", loose({ name: "Checkout" }), [{ path: "name", message: `"Checkout" is not ${SERVICE_NAME}` }]],
    // A service name suffixes into other names (`<service>-headless`, `<service>-rolebinding`): at most 47 characters.
    ["a service name of 48 characters", loose({ name: "a".repeat(48) }), [{ path: "name", message: `"${"a".repeat(48)}" is not ${SERVICE_NAME}` }]],
    ["a service name starting with a digit", loose({ name: "1checkout" }), [{ path: "name", message: `"1checkout" is not ${SERVICE_NAME}` }]],
    ["a bad team (a DNS label)", loose({ team: "Shop_Team" }), [{ path: "team", message: `"Shop_Team" is not ${DNS_LABEL}` }]],
    ["a bad port name", loose({ ports: [{ name: "8080", port: 8080, protocol: "http" }] }), [{ path: "ports[0].name", message: `"8080" is not ${PORT_NAME}` }]],
    [
      "a bad env var name",
      loose({ env: [{ name: "1X", value: "a" }] }),
      [{ path: "env[0].name", message: `"1X" is not an environment variable name (letters, digits, '_', '-' and '.', not starting with a digit)` }],
    ],
    [
      "a bad digest",
      loose({ image: { repository: "r", digest: "sha256:abc" } }),
      [{ path: "image.digest", message: '"sha256:abc" is not an image digest (sha256: and 64 lowercase hex digits)' }],
    ],
    ["a bad tag", loose({ image: { repository: "r", tag: "-v1" } }), [{ path: "image.tag", message: '"-v1" is not an image tag' }]],
    // Found by the spec fuzzer: an empty list passed, and the rendered Role's rule had no API group (the API server refuses it).
    [
      "an access rule with no API group",
      loose({ apiAccess: { rules: [{ apiGroups: [], resources: ["pods"], verbs: ["get"] }] } }),
      [{ path: "apiAccess.rules[0].apiGroups", message: "must NOT have fewer than 1 items" }],
    ],
    // A union is one problem: the branch errors (not a port name, not an integer) are not reported separately.
    ["http.port neither a port name nor a number", loose(readiness({ http: { path: "/", port: "HTTP" } })), [{ path: "probes.readiness.http.port", message: '"HTTP" is not any of the allowed forms' }]],
    ["http.port out of range", loose(readiness({ http: { path: "/", port: 0 } })), [{ path: "probes.readiness.http.port", message: "0 is not any of the allowed forms" }]],
    ["http.port a boolean", loose(readiness({ http: { path: "/", port: true } })), [{ path: "probes.readiness.http.port", message: "true is not any of the allowed forms" }]],
    ["tcp.port a fraction", loose(readiness({ tcp: { port: 80.5 } })), [{ path: "probes.readiness.tcp.port", message: "80.5 is not any of the allowed forms" }]],
    [
      "a union next to another problem",
      loose(readiness({ http: { path: 7, port: "HTTP" } })),
      [
        { path: "probes.readiness.http.path", message: "must be a string, got 7" },
        { path: "probes.readiness.http.port", message: '"HTTP" is not any of the allowed forms' },
      ],
    ],
    [
      "several problems at once, each once",
      loose({ replicaz: 1, workload: "batch", ports: [{ name: "http", port: 0, protocol: "http" }] }),
      [
        { path: "replicaz", message: "unknown field" },
        { path: "ports[0].port", message: "must be >= 1, got 0" },
        { path: "workload", message: '"batch" is not one of: stateless, stateful' },
      ],
    ],
  ])("reports %s", (_, spec, problems) => {
    expect(validateAgainstSchema("ServiceSpec", spec)).toEqual(problems);
  });
});

describe("validateAgainstSchema(TenantSpec)", () => {
  it("accepts a tenant with a quota", () => {
    const quota = { requestsCpu: "4", requestsMemory: "8Gi", limitsCpu: "8", limitsMemory: "16Gi" };
    expect(validateAgainstSchema("TenantSpec", { name: "shop", team: "shop-team", quota })).toEqual([]);
  });

  it("reports every missing quota field", () => {
    expect(validateAgainstSchema("TenantSpec", { name: "shop", team: "shop-team", quota: { requestsCpu: "4" } })).toEqual([
      { path: "quota.requestsMemory", message: "is required" },
      { path: "quota.limitsCpu", message: "is required" },
      { path: "quota.limitsMemory", message: "is required" },
    ]);
  });
});

describe("validateAgainstSchema(EnvironmentSpec)", () => {
  it("accepts an environment with defaults, versions and overrides", () => {
    const spec = environmentSpec("prod-us-west-2", "prod", "primary", {
      versions: { kubernetes: "1.30", istio: "1.22" },
      defaults: { replicas: 2, autoscaling: "off", maxReplicasCap: 20 },
      overrides: { checkout: { replicas: 4 }, "payments/ledger": { disabled: true } },
    });
    expect(validateAgainstSchema("EnvironmentSpec", spec)).toEqual([]);
  });

  it("reports a bad stage, a bad provider and a bad version", () => {
    const spec = { name: "qa", stage: "qa", cluster: { name: "qa", provider: "aks", region: "us-west-2" }, versions: { kubernetes: "2.0" } };
    expect(validateAgainstSchema("EnvironmentSpec", spec)).toEqual([
      { path: "stage", message: '"qa" is not one of: dev, staging, prod' },
      { path: "cluster.provider", message: '"aks" is not one of: eks, gke' },
      { path: "versions.kubernetes", message: '"2.0" does not match ^1\\.(0|[1-9][0-9]*)$' },
    ]);
  });

  it("reports problems inside an override at their path under overrides", () => {
    const spec = { ...environmentSpec("dev", "dev"), overrides: { "shop/checkout": { resources: { limits: { cpu: "500mm" } }, replicaz: 1 } } };
    expect(validateAgainstSchema("EnvironmentSpec", spec)).toEqual([
      { path: "overrides.shop/checkout.replicaz", message: "unknown field" },
      { path: "overrides.shop/checkout.resources.limits.cpu", message: '"500mm" is not a quantity' },
    ]);
  });
});

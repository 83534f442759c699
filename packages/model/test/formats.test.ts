import { describe, expect, it } from "vitest";
import { SPEC_FORMATS } from "../src/formats.ts";
import { parseQuantity } from "../src/quantity.ts";

/** Valid and invalid values of every format in SPEC_FORMATS; a new format needs a row here (see the last test). */
const TABLE: Readonly<Record<string, { readonly valid: readonly string[]; readonly invalid: readonly string[] }>> = {
  "dns-label": {
    valid: ["a", "0", "checkout", "shop-team", "prod-us-west-2", "1st", "a".repeat(63)],
    invalid: ["", "Checkout", "-a", "a-", "a_b", "a.b", "a b", "a/b", "a".repeat(64), "ä"],
  },
  "tenant-name": {
    valid: ["shop", "a", "0", "boutique-2", "a".repeat(48)],
    // The spec fuzzer found a tenant of 63 characters: its secret store's ServiceAccount "<tenant>-secrets-reader" had 78.
    invalid: ["", "Shop", "-a", "a-", "a_b", "a.b", "a".repeat(49)],
  },
  "service-name": {
    valid: ["a", "checkout", "redis-cart", "v2", "a1-b2", "a".repeat(47)],
    invalid: ["", "1st", "0", "Checkout", "-a", "a-", "a_b", "a.b", "a/b", "a".repeat(48)],
  },
  "version-name": {
    valid: ["v1", "blue", "green", "1", "canary-2", "a".repeat(15)],
    invalid: ["", "V1", "-v1", "v1-", "v_1", "v.1", "a".repeat(16)],
  },
  hostname: {
    valid: ["shop.example.com", "localhost", "*.example.com", "a-b.c0.io", "1.example.com", `${"a".repeat(63)}.com`],
    invalid: ["", "Shop.example.com", "*", "*.", "a.*.com", "a..b", ".example.com", "example.com.", "-a.com", "a-.com", "a_b.com", "https://a.com", `${"a.".repeat(127)}aa`],
  },
  "external-host": {
    valid: ["api.payments.example", "smtp.sendgrid.net", "a.io", "1st.example.com", "api-2.eu.stripe.com", `${"a".repeat(63)}.com`, `${"a.".repeat(125)}com`],
    invalid: ["", "localhost", "*.example.com", "*", "10.0.0.1", "api.example.com.", ".example.com", "a..b", "Api.example.com", "api_1.example.com", "-a.com", "a-.com", "https://a.com", "a.com:443", "a.1com", `${"a".repeat(64)}.com`, `${"a.".repeat(126)}com`],
  },
  "port-name": {
    valid: ["http", "grpc-web", "h2c", "a", "8080a", "a-1-b", "a".repeat(15)],
    invalid: ["", "8080", "1-2", "HTTP", "-http", "http-", "grpc--web", "http_2", "a".repeat(16), "http.web"],
  },
  "rbac-resource": {
    valid: ["pods", "pods/log", "deployments", "horizontalpodautoscalers", "configmaps", "k8s", "deployments/scale"],
    invalid: ["", "*", "pods/*", "Pods", "pods/", "/log", "1pods", "pods/log/x", "pods/Log", "pod-templates", "pods/log2"],
  },
  "api-group": {
    valid: ["", "apps", "batch", "networking.k8s.io", "cert-manager.io", "a".repeat(253)],
    invalid: ["*", "Apps", "apps.", ".apps", "-apps", "apps-", "a..b", "*.k8s.io", "apps/v1", " ", "a".repeat(254)],
  },
  "absolute-path": {
    valid: ["/", "/tmp", "/var/lib/data", "/a/./b", "/a..b", "/..a", "/home/app/.cache", "/a/"],
    invalid: ["", "tmp", "./tmp", "/a/../b", "/..", "/a/..", "/a b", "/a\tb", "/a\nb"],
  },
  quantity: {
    valid: ["100m", "0.5", "64Mi", "1e3", "1", "1Gi", "250m", "1.5", ".5", "1.", "+1", "2k", "3M", "1E", "1Ei", "1E3", "1e-3", "1e+3", "10n", "10u"],
    invalid: ["500mm", "1.2.3", "Mi", "", "-1", "1 Mi", "1mi", "1Kb", "1K", "1ki", "m", "e3", "1e", "1.5.", "0x10", " 1", "1Mi "],
  },
  duration: {
    valid: ["500ms", "2s", "1m", "1h", "1m30s", "1.5s", "1h2m3s4ms", "0s"],
    invalid: ["", "2", "s", "1d", "-1s", "1 s", "1.s", "1S", "ms"],
  },
  "image-tag": {
    valid: ["v0.10.6", "latest", "1.0", "_build", "v1_2-3.4", "A", "a".repeat(128)],
    invalid: ["", ".v1", "-v1", "v1:2", "v1/2", "v 1", "a".repeat(129)],
  },
  "image-digest": {
    valid: [`sha256:${"0123456789abcdef".repeat(4)}`, `sha256:${"f".repeat(64)}`],
    invalid: ["", "sha256:", `sha256:${"F".repeat(64)}`, `sha256:${"a".repeat(63)}`, `sha256:${"a".repeat(65)}`, `sha512:${"a".repeat(64)}`, "a".repeat(64)],
  },
  "secret-path": {
    valid: ["payment-api", "db/cart", "a", "0", "a.b/c-d/e", `${"a".repeat(200)}`],
    invalid: ["", "/payment", "payment/", "a//b", "../other-tenant/x", "a/../b", "Payment", "a_b", "a b", "-a", "a/-b", `${"a".repeat(201)}`],
  },
  "secret-key": {
    valid: ["token", "password", "tls.crt", "API_KEY", "a-b", "0", ".dockerconfigjson", "a..b", "a".repeat(253)],
    invalid: ["", "a/b", "a b", "ä", "a:b", ".", "..", "..a", "a".repeat(254)],
  },
  "config-key": {
    valid: ["LOG_LEVEL", "config.yaml", "a-b", "0", ".hidden", "a..b", "a".repeat(253)],
    // The spec fuzzer found "?b": it passed as a configMapKeyRef key, and the API server refuses it.
    invalid: ["", "?b", "a/b", "a b", "ä", ".", "..", "..a", "a".repeat(254)],
  },
  "image-repository": {
    valid: [
      "redis",
      "library/redis",
      "registry.example.com/shop/checkout",
      "us-central1-docker.pkg.dev/google-samples/microservices-demo/frontend",
      "localhost:5000/a",
      "Registry.Example.com/a",
      "a/b__c/d-e/f.g",
      "a--b",
    ],
    // The spec fuzzer found "  nameume@" (spaces and an @ in the repository): the rendered image was refused.
    invalid: ["", "  nameume@", "Redis", "shop/Checkout", "a/", "/a", "a//b", "a:b", "a@sha256:x", "-a", "a_", "a/b:c", "a b", `${"a".repeat(256)}`],
  },
  "mesh-duration": {
    valid: ["1ms", "500ms", "2s", "1m30s", "1h", "1.5s", "0.001s", "1h2m3s4ms"],
    // The spec fuzzer found "0s" as an outlier detection interval: istiod refuses a duration under 1ms.
    invalid: ["0s", "0ms", "0.5ms", "1.0005s", "", "2", "-1s", "1d"],
  },
  "retry-on": {
    valid: ["5xx", "connect-failure,refused-stream,reset,gateway-error", "unavailable,cancelled", "503", "retriable-status-codes,503,504"],
    // The spec fuzzer found "/" and other free text: istiod refuses any policy it does not know.
    invalid: ["", "/", "5XX", "connect-failure,", ",reset", "connect-failure, reset", "999", "5xx,600"],
  },
  "env-var-name": {
    valid: ["LOG_LEVEL", "log.level", "_X", "-x", ".x", "A1", "my-var"],
    invalid: ["", "1X", "A B", "A=B", "A$", "Ä"],
  },
};

describe("SPEC_FORMATS", () => {
  for (const [name, { valid, invalid }] of Object.entries(TABLE)) {
    describe(name, () => {
      it.each(valid.map((v) => [v]))("accepts %j", (value) => {
        expect(SPEC_FORMATS[name]!.test(value)).toBe(true);
      });
      it.each(invalid.map((v) => [v]))("refuses %j", (value) => {
        expect(SPEC_FORMATS[name]!.test(value)).toBe(false);
      });
    });
  }

  it("has a table row for every format, and every row is a format", () => {
    expect(Object.keys(TABLE).sort()).toEqual(Object.keys(SPEC_FORMATS).sort());
  });

  it("names each format with a noun that reads after `is not`", () => {
    for (const [name, format] of Object.entries(SPEC_FORMATS)) expect(format.noun, name).toMatch(/^an? /);
  });
});

describe("parseQuantity", () => {
  it.each<[string, number]>([
    ["100m", 0.1],
    ["0.5", 0.5],
    ["1", 1],
    ["1.", 1],
    [".5", 0.5],
    ["+2", 2],
    ["250m", 0.25],
    ["64Mi", 64 * 2 ** 20],
    ["1Ki", 1024],
    ["1Gi", 2 ** 30],
    ["0.5Gi", 2 ** 29],
    ["1Ti", 2 ** 40],
    ["1Pi", 2 ** 50],
    ["1Ei", 2 ** 60],
    ["1e3", 1000],
    ["1E3", 1000],
    ["1e+3", 1000],
    ["1e-3", 0.001],
    ["1.5e3", 1500],
    ["10n", 1e-8],
    ["10u", 1e-5],
    ["2k", 2000],
    ["3M", 3e6],
    ["1G", 1e9],
    ["1T", 1e12],
    ["1P", 1e15],
    ["1E", 1e18],
  ])("%s is %d", (quantity, value) => {
    expect(parseQuantity(quantity)).toBe(value);
  });

  it("gives equal amounts written differently the same value", () => {
    const same: readonly (readonly string[])[] = [
      ["9m", "0.009", "9e-3", "9000u", "9000000n"],
      ["300m", "0.3", ".3", "3e-1"],
      ["1100m", "1.1", "1.1e0", "0.0011k"],
      ["1.1k", "1100", "1.1e3"],
      ["512Mi", "0.5Gi", "536870912", "524288Ki"],
      ["1.1Ki", "1126.4"],
    ];
    for (const group of same) {
      expect(new Set(group.map(parseQuantity)).size, group.join(" = ")).toBe(1);
    }
  });

  it.each([["500mm"], ["1.2.3"], ["Mi"], [""], ["-1"]])("throws on %j", (quantity) => {
    expect(() => parseQuantity(quantity)).toThrow(`${JSON.stringify(quantity)} is not a quantity`);
  });
});

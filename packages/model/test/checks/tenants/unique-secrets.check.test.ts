import { describe, expect, it } from "vitest";
import { uniqueSecrets } from "../../../src/checks/tenants/unique-secrets.check.ts";
import { TENANT_CHECKS } from "../../../src/checks/tenants/index.ts";
import type { FieldProblem } from "../../../src/field-problem.ts";
import { formatSpecError, resolvePlatform, type SecretSpec, type TenantSpec } from "../../../src/index.ts";
import { fixturePlatform, sourcedTenant } from "../../fixtures.ts";

const secret = (name: string, keys: string[] = ["password"]): SecretSpec => ({ name, from: `shop/${name}`, keys });
const shop = (secrets?: SecretSpec[]): TenantSpec => ({ name: "shop", team: "shop-team", ...(secrets === undefined ? {} : { secrets }) });

describe("tenant/unique-secrets", () => {
  it("is registered", () => {
    expect(TENANT_CHECKS).toContain(uniqueSecrets);
  });

  it.each<[string, TenantSpec, FieldProblem[]]>([
    ["no shared secrets", shop(), []],
    ["distinct secrets with distinct keys", shop([secret("db", ["user", "password"]), secret("api", ["token"])]), []],
    [
      "two secrets of one name (found by the spec fuzzer: the render threw on the second ExternalSecret)",
      shop([secret("db"), secret("api"), secret("db", ["token"])]),
      [{ path: "secrets[2].name", message: '"db" is already declared by secrets[0]' }],
    ],
    ["a key listed twice", shop([secret("db", ["password", "user", "password"])]), [{ path: "secrets[0].keys[2]", message: '"password" is already listed at keys[0]' }]],
  ])("%s", (_, tenant, expected) => {
    expect(uniqueSecrets.check(tenant)).toEqual(expected);
  });

  it("is a spec error of the tenant's file through resolvePlatform", () => {
    const tenants = [sourcedTenant("shop", "shop-team", { secrets: [secret("db"), secret("db")] }), sourcedTenant("payments")];
    expect(resolvePlatform(fixturePlatform({ tenants })).errors.map(formatSpecError)).toEqual(['apps/platform/tenants/shop.ts: shop: secrets[1].name: "db" is already declared by secrets[0]']);
  });
});

import { describe, expect, it } from "vitest";
import { secretRefs } from "../../src/checks/secret-refs.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { EnvVarSpec, SecretSpec, ServiceSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec, contextIn } from "../fixtures.ts";

const SHARED: SecretSpec[] = [{ name: "shop-smtp", from: "smtp", keys: ["user", "password"] }];
const context = contextIn(undefined, undefined, { shop: SHARED });

function service(env: EnvVarSpec[], secrets: SecretSpec[] | undefined): ServiceSpec {
  const { secrets: _secrets, ...rest } = checkoutSpec();
  return { ...rest, env, ...(secrets === undefined ? {} : { secrets }) };
}

const DB: SecretSpec = { name: "checkout-db", from: "checkout/db", keys: ["password", "user"] };

describe("service/secret-refs", () => {
  it("accepts the fixture (its one reference is declared)", () => {
    expect(secretRefs.check(checkoutSpec(), CONTEXT)).toEqual([]);
  });

  it.each<[string, EnvVarSpec[], SecretSpec[] | undefined, FieldProblem[]]>([
    ["a key of the service's own secret", [{ name: "P", secretKeyRef: { name: "checkout-db", key: "user" } }], [DB], []],
    ["a key of the tenant's shared secret", [{ name: "P", secretKeyRef: { name: "shop-smtp", key: "password" } }], undefined, []],
    ["a declared secret nobody references", [{ name: "A", value: "1" }], [DB], []],
    ["ConfigMap references are not secrets", [{ name: "C", configMapKeyRef: { name: "anything", key: "k" } }], undefined, []],
    [
      "a typo in the secret's name",
      [{ name: "P", secretKeyRef: { name: "checkout-dbb", key: "password" } }],
      [DB],
      [
        {
          path: "env[0].secretKeyRef.name",
          message: '"checkout-dbb" is not a declared secret of the service or tenant shop (declared: checkout-db, shop-smtp); add it to `secrets`',
        },
      ],
    ],
    [
      "a reference whose declaration was deleted",
      [{ name: "A", value: "1" }, { name: "P", secretKeyRef: { name: "checkout-db", key: "password" } }],
      undefined,
      [
        {
          path: "env[1].secretKeyRef.name",
          message: '"checkout-db" is not a declared secret of the service or tenant shop (declared: shop-smtp); add it to `secrets`',
        },
      ],
    ],
    [
      "a key the secret does not declare",
      [{ name: "P", secretKeyRef: { name: "checkout-db", key: "pasword" } }],
      [DB],
      [{ path: "env[0].secretKeyRef.key", message: '"pasword" is not a key of secret "checkout-db" (keys: password, user)' }],
    ],
    [
      "a secret declared twice",
      [],
      [DB, { ...DB, from: "other" }],
      [{ path: "secrets[1].name", message: '"checkout-db" is already declared by secrets[0]' }],
    ],
    [
      "a service secret shadowing the tenant's",
      [],
      [{ name: "shop-smtp", from: "mine", keys: ["k"] }],
      [{ path: "secrets[0].name", message: '"shop-smtp" is already a secret of tenant shop: use it, or choose another name' }],
    ],
    [
      "a key listed twice",
      [],
      [{ ...DB, keys: ["user", "password", "user"] }],
      [{ path: "secrets[0].keys[2]", message: '"user" is already listed at keys[0]' }],
    ],
  ])("%s", (_name, env, secrets, expected) => {
    expect(secretRefs.check(service(env, secrets), context)).toEqual(expected);
  });

  it("refuses a name another service of the tenant declares too, naming it", () => {
    const cart = { ...checkoutSpec(), name: "cart", secrets: [{ name: "checkout-db", from: "cart/db", keys: ["password"] }] };
    const withCart = contextIn(undefined, [checkoutSpec(), cart]);
    expect(secretRefs.check(checkoutSpec(), withCart)).toEqual([
      { path: "secrets[0].name", message: "\"checkout-db\" is also declared by shop/cart: declare it once, in tenant shop's secrets, to share it" },
    ]);
  });

  it("names no declared secret as none", () => {
    const problems = secretRefs.check(service([{ name: "P", secretKeyRef: { name: "x", key: "k" } }], undefined), CONTEXT);
    expect(problems).toEqual([{ path: "env[0].secretKeyRef.name", message: '"x" is not a declared secret of the service or tenant shop (declared: none); add it to `secrets`' }]);
  });
});

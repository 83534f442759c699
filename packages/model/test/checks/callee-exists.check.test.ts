import { describe, expect, it } from "vitest";
import { calleeExists } from "../../src/checks/callee-exists.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec, ledgerSpec } from "../fixtures.ts";

describe("service/callee-exists", () => {
  it.each<[string, ServiceSpec, FieldProblem[]]>([
    ["a callee in the same tenant and one in another", checkoutSpec(), []],
    ["no calls", ledgerSpec(), []],
    ["an empty list", checkoutSpec({ calls: [] }), []],
    ["a same-tenant callee written as tenant/name", checkoutSpec({ calls: ["shop/cart"] }), []],
    ["a call into another tenant from there", ledgerSpec({ calls: ["shop/checkout"] }), []],
    [
      "an unknown callee in the service's tenant",
      checkoutSpec({ calls: ["carts"] }),
      [{ path: "calls[0]", message: '"carts" is not a declared service in tenant "shop"' }],
    ],
    [
      "a callee of another tenant named without its tenant",
      checkoutSpec({ calls: ["cart", "ledger"] }),
      [{ path: "calls[1]", message: '"ledger" is not a declared service in tenant "shop"' }],
    ],
    [
      "an unknown callee in another tenant",
      checkoutSpec({ calls: ["payments/cart"] }),
      [{ path: "calls[0]", message: '"payments/cart" is not a declared service in tenant "payments"' }],
    ],
    [
      "a callee in an unknown tenant",
      checkoutSpec({ calls: ["billing/ledger"] }),
      [{ path: "calls[0]", message: '"billing/ledger" is not a declared service in tenant "billing"' }],
    ],
    ["the service itself", checkoutSpec({ calls: ["checkout"] }), [{ path: "calls[0]", message: '"checkout" is the service itself' }]],
    ["the service itself, with its tenant", checkoutSpec({ calls: ["shop/checkout"] }), [{ path: "calls[0]", message: '"shop/checkout" is the service itself' }]],
    [
      "a callee listed twice, in two spellings",
      checkoutSpec({ calls: ["cart", "payments/ledger", "shop/cart"] }),
      [{ path: "calls[2]", message: '"shop/cart" is already listed at calls[0]' }],
    ],
    [
      "a callee listed three times, pointing at the first",
      checkoutSpec({ calls: ["cart", "cart", "cart"] }),
      [
        { path: "calls[1]", message: '"cart" is already listed at calls[0]' },
        { path: "calls[2]", message: '"cart" is already listed at calls[0]' },
      ],
    ],
    ...(["Cart", "shop/", "/cart", "a/b/c", "", "cart-", "shop/cart checkout"].map((callee): [string, ServiceSpec, FieldProblem[]] => [
      `a malformed callee ${JSON.stringify(callee)}`,
      checkoutSpec({ calls: [callee] }),
      [{ path: "calls[0]", message: `${JSON.stringify(callee)} is not a service name or tenant/name` }],
    ])),
    [
      "several problems, in list order",
      checkoutSpec({ calls: ["nope", "Cart", "checkout", "cart", "cart"] }),
      [
        { path: "calls[0]", message: '"nope" is not a declared service in tenant "shop"' },
        { path: "calls[1]", message: '"Cart" is not a service name or tenant/name' },
        { path: "calls[2]", message: '"checkout" is the service itself' },
        { path: "calls[4]", message: '"cart" is already listed at calls[3]' },
      ],
    ],
  ])("%s", (_, spec, problems) => {
    expect(calleeExists.check(spec, CONTEXT)).toEqual(problems);
  });
});

import { describe, expect, it } from "vitest";
import { crossTenantConsent } from "../../src/checks/cross-tenant-consent.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceCheckContext, ServiceSpec } from "../../src/index.ts";
import { CONTEXT, cartSpec, checkoutSpec, contextIn, ledgerSpec, resolvedEnvironment } from "../fixtures.ts";

/** The fixture platform with another ledger (the callee of checkout's cross-tenant call). */
const withLedger = (ledger: ServiceSpec): ServiceCheckContext => contextIn(resolvedEnvironment(), [checkoutSpec(), cartSpec(), ledger]);
const refused = (callee: string, index: number, caller = "shop/checkout", tenant = "shop"): FieldProblem => ({
  path: `calls[${index}]`,
  message: `"${callee}" does not accept calls from tenant "${tenant}": add "${caller}" to its exposedTo`,
});

describe("service/cross-tenant-consent", () => {
  it.each<[string, ServiceSpec, ServiceCheckContext, FieldProblem[]]>([
    ["a cross-tenant call the callee exposes itself to", checkoutSpec(), CONTEXT, []],
    ["calls within the tenant only (no consent needed)", checkoutSpec({ calls: ["cart", "shop/cart"] }), withLedger(ledgerSpec({ exposedTo: undefined })), []],
    ["a callee exposed to the caller among others", checkoutSpec(), withLedger(ledgerSpec({ exposedTo: ["shop/cart", "shop/checkout"] })), []],
    ["an unknown callee in another tenant (service/callee-exists reports it)", checkoutSpec({ calls: ["payments/nope"] }), CONTEXT, []],
    ["no calls", cartSpec(), CONTEXT, []],
    ["a callee that exposes itself to nobody", checkoutSpec(), withLedger(ledgerSpec({ exposedTo: undefined })), [refused("payments/ledger", 1)]],
    ["a callee with an empty exposedTo", checkoutSpec(), withLedger(ledgerSpec({ exposedTo: [] })), [refused("payments/ledger", 1)]],
    ["a callee exposed to another service of the caller's tenant", checkoutSpec(), withLedger(ledgerSpec({ exposedTo: ["shop/cart"] })), [refused("payments/ledger", 1)]],
    [
      "a callee exposed to the caller's name without its tenant",
      checkoutSpec({ calls: ["payments/ledger"] }),
      withLedger(ledgerSpec({ exposedTo: ["checkout"] })),
      [refused("payments/ledger", 0)],
    ],
    [
      "a call from the other side, unanswered",
      ledgerSpec({ calls: ["shop/cart"] }),
      CONTEXT,
      [refused("shop/cart", 0, "payments/ledger", "payments")],
    ],
  ])("%s", (_, spec, context, problems) => {
    expect(crossTenantConsent.check(spec, context)).toEqual(problems);
  });

  describe("exposedTo entries", () => {
    it.each<[string, string[], FieldProblem[]]>([
      ["another tenant's service", ["shop/checkout"], []],
      ["another tenant's service that does not call (consent is not a call)", ["shop/cart"], []],
      ["no entries", [], []],
      ["a name without its tenant", ["checkout"], [{ path: "exposedTo[0]", message: `"checkout" must be tenant/name (exposedTo is for other tenants' services)` }]],
      ["a service of the same tenant", ["shop/checkout", "payments/ledger"], [{ path: "exposedTo[1]", message: '"payments/ledger" is in the same tenant, which needs no exposedTo' }]],
      ["an undeclared service", ["shop/checkout", "shop/nope"], [{ path: "exposedTo[1]", message: '"shop/nope" is not a declared service' }]],
      ["a service of an undeclared tenant", ["billing/ledger"], [{ path: "exposedTo[0]", message: '"billing/ledger" is not a declared service' }]],
      [
        "several, in list order",
        ["cart", "payments/x", "shop/ghost"],
        [
          { path: "exposedTo[0]", message: `"cart" must be tenant/name (exposedTo is for other tenants' services)` },
          { path: "exposedTo[1]", message: '"payments/x" is in the same tenant, which needs no exposedTo' },
          { path: "exposedTo[2]", message: '"shop/ghost" is not a declared service' },
        ],
      ],
    ])("%s", (_, exposedTo, problems) => {
      expect(crossTenantConsent.check(ledgerSpec({ exposedTo }), CONTEXT)).toEqual(problems);
    });
  });

  it("reports refused calls before bad exposedTo entries", () => {
    const spec = checkoutSpec({ exposedTo: ["shop/cart"] });
    expect(crossTenantConsent.check(spec, withLedger(ledgerSpec({ exposedTo: undefined })))).toEqual([
      refused("payments/ledger", 1),
      { path: "exposedTo[0]", message: '"shop/cart" is in the same tenant, which needs no exposedTo' },
    ]);
  });
});

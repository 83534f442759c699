import { describe, expect, it } from "vitest";
import { tenantExists } from "../../src/checks/tenant-exists.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceCheckContext, ServiceSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec, ledgerSpec } from "../fixtures.ts";

describe("service/tenant-exists", () => {
  it.each<[string, ServiceSpec, ServiceCheckContext, FieldProblem[]]>([
    ["a service of a declared tenant", checkoutSpec(), CONTEXT, []],
    ["a service of another declared tenant", ledgerSpec(), CONTEXT, []],
    [
      "a misspelt tenant, listing the declared ones sorted",
      checkoutSpec({ tenant: "shpo" }),
      CONTEXT,
      [{ path: "tenant", message: '"shpo" is not a declared tenant (declared: payments, shop)' }],
    ],
    [
      "a tenant that only differs in case",
      checkoutSpec({ tenant: "Shop" }),
      CONTEXT,
      [{ path: "tenant", message: '"Shop" is not a declared tenant (declared: payments, shop)' }],
    ],
    [
      "a service when only other tenants exist",
      checkoutSpec(),
      { ...CONTEXT, tenants: new Set(["payments"]) },
      [{ path: "tenant", message: '"shop" is not a declared tenant (declared: payments)' }],
    ],
  ])("%s", (_, spec, context, problems) => {
    expect(tenantExists.check(spec, context)).toEqual(problems);
  });
});

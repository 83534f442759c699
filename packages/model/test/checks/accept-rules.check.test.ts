import { describe, expect, it } from "vitest";
import { acceptRules } from "../../src/checks/accept-rules.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { AcceptRuleSpec, ServiceCheckContext, ServiceSpec } from "../../src/index.ts";
import { CONTEXT, cartSpec, checkoutSpec, contextIn, ledgerSpec, resolvedEnvironment } from "../fixtures.ts";

// In the fixture platform checkout calls cart (shop) and ledger (payments); nothing calls checkout.
const cart = (accepts: AcceptRuleSpec[]): ServiceSpec => cartSpec({ accepts });
/** A platform where cart and ledger call checkout (container ports 8080 and 9090; Service port 80 → 8080). */
const CHECKOUT_CALLED: ServiceCheckContext = contextIn(resolvedEnvironment(), [
  checkoutSpec(),
  cartSpec({ calls: ["checkout"] }),
  ledgerSpec({ calls: ["shop/checkout"] }),
]);
const notCaller = (path: string, from: string, callers = "shop/checkout"): FieldProblem => ({
  path,
  message: `"${from}" does not call this service (callers: ${callers})`,
});

describe("service/accept-rules", () => {
  it.each<[string, ServiceSpec, ServiceCheckContext, FieldProblem[]]>([
    ["no accepts", cartSpec(), CONTEXT, []],
    ["a rule without from (every caller)", cart([{ paths: ["/cart/*"], methods: ["GET", "POST"] }]), CONTEXT, []],
    ["from a caller by name", cart([{ from: ["checkout"], paths: ["/cart"] }]), CONTEXT, []],
    ["from a caller by tenant/name", cart([{ from: ["shop/checkout"] }]), CONTEXT, []],
    ["from a caller of another tenant", ledgerSpec({ accepts: [{ from: ["shop/checkout"] }] }), CONTEXT, []],
    ["a container port", cart([{ ports: [8080] }]), CONTEXT, []],
    ["the container port behind a different Service port", checkoutSpec({ accepts: [{ ports: [8080, 9090] }] }), CHECKOUT_CALLED, []],
    ["gRPC methods as paths", checkoutSpec({ accepts: [{ from: ["cart"], paths: ["/shop.Checkout/PlaceOrder"], methods: ["POST"] }] }), CHECKOUT_CALLED, []],
    ["a caller that does not call", cart([{ from: ["ledger"] }]), CONTEXT, [notCaller("accepts[0].from[0]", "ledger")]],
    ["a caller of another tenant that does not call", cart([{ from: ["payments/ledger"] }]), CONTEXT, [notCaller("accepts[0].from[0]", "payments/ledger")]],
    [
      "a caller of another tenant named without its tenant",
      checkoutSpec({ accepts: [{ from: ["cart", "ledger"] }] }),
      CHECKOUT_CALLED,
      [notCaller("accepts[0].from[1]", "ledger", "shop/cart, payments/ledger")],
    ],
    ["a caller of a service nobody calls", checkoutSpec({ accepts: [{ from: ["cart"] }] }), CONTEXT, [notCaller("accepts[0].from[0]", "cart", "none")]],
    [
      "the Service port instead of the container port",
      checkoutSpec({ accepts: [{ ports: [80] }] }),
      CHECKOUT_CALLED,
      [{ path: "accepts[0].ports[0]", message: "80 is not a container port of this service (declared: 8080, 9090)" }],
    ],
    [
      "a port of a service without ports",
      ledgerSpec({ accepts: [{ ports: [8080] }] }),
      CONTEXT,
      [{ path: "accepts[0].ports[0]", message: "8080 is not a container port of this service (declared: none)" }],
    ],
    [
      "problems in several rules, callers before ports",
      cart([{ paths: ["/a"] }, { from: ["checkout", "web"], ports: [9, 8080, 10] }]),
      CONTEXT,
      [
        notCaller("accepts[1].from[1]", "web"),
        { path: "accepts[1].ports[0]", message: "9 is not a container port of this service (declared: 8080)" },
        { path: "accepts[1].ports[2]", message: "10 is not a container port of this service (declared: 8080)" },
      ],
    ],
  ])("%s", (_, spec, context, problems) => {
    expect(acceptRules.check(spec, context)).toEqual(problems);
  });
});

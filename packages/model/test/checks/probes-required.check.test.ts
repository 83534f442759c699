import { describe, expect, it } from "vitest";
import { probesRequired } from "../../src/checks/probes-required.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec, ledgerSpec } from "../fixtures.ts";

describe("service/probes-required", () => {
  it.each<[string, ServiceSpec, FieldProblem[]]>([
    ["ports with probes", checkoutSpec(), []],
    ["no ports and no probes (a worker)", ledgerSpec(), []],
    ["an empty port list and no probes", ledgerSpec({ ports: [] }), []],
    ["probes without ports (service/probe-handler reports their ports)", ledgerSpec({ probes: checkoutSpec().probes }), []],
    ["ports without probes", checkoutSpec({ probes: undefined }), [{ path: "probes", message: "is required for a service with ports (readiness and liveness)" }]],
  ])("%s", (_, spec, problems) => {
    expect(probesRequired.check(spec, CONTEXT)).toEqual(problems);
  });
});

import { describe, expect, it } from "vitest";
import { reservedName } from "../../../src/checks/tenants/reserved-name.check.ts";
import { TENANT_CHECKS } from "../../../src/checks/tenants/index.ts";
import type { FieldProblem } from "../../../src/field-problem.ts";

describe("tenant/reserved-name", () => {
  it("is registered", () => {
    expect(TENANT_CHECKS).toContain(reservedName);
  });

  it.each<[string, FieldProblem[]]>([
    ["shop", []],
    ["monitoring-team", []],
    ["constructor", []],
    ["__proto__", []],
    // Found by the spec fuzzer: the render threw on a second Namespace istio-system, or a second Application velero.
    ["istio-system", [{ path: "name", message: `"istio-system" is reserved: it is istiod's namespace` }]],
    ["velero", [{ path: "name", message: `"velero" is reserved: it is the Velero add-on and its namespace` }]],
    // No exception, but the tenant's restricted namespace would have held the node exporter (privileged).
    ["monitoring", [{ path: "name", message: `"monitoring" is reserved: it is the monitoring add-ons' namespace` }]],
    ["kube-system", [{ path: "name", message: `"kube-system" is reserved: it is a Kubernetes namespace` }]],
    ["root", [{ path: "name", message: `"root" is reserved: it is the root delivery object (Argo CD's app of apps, Flux's root Kustomization)` }]],
  ])("%s", (name, expected) => {
    expect(reservedName.check({ name, team: "t" })).toEqual(expected);
  });
});

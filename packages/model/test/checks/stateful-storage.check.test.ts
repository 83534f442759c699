import { describe, expect, it } from "vitest";
import { statefulStorage } from "../../src/checks/stateful-storage.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceSpec } from "../../src/index.ts";
import { CONTEXT, ledgerSpec } from "../fixtures.ts";

const storage = { size: "1Gi", mountPath: "/var/lib/ledger" };

describe("service/stateful-storage", () => {
  it.each<[string, ServiceSpec, FieldProblem[]]>([
    ["stateless by default, without storage", ledgerSpec(), []],
    ["stateless, without storage", ledgerSpec({ workload: "stateless" }), []],
    ["stateful, with storage", ledgerSpec({ workload: "stateful", storage }), []],
    ["stateful, with storage and a class", ledgerSpec({ workload: "stateful", storage: { ...storage, storageClass: "fast" } }), []],
    ["stateful, without storage", ledgerSpec({ workload: "stateful" }), [{ path: "storage", message: "is required for a stateful service" }]],
    ["stateless, with storage", ledgerSpec({ workload: "stateless", storage }), [{ path: "storage", message: 'is only allowed with workload "stateful"' }]],
    ["stateless by default, with storage", ledgerSpec({ storage }), [{ path: "storage", message: 'is only allowed with workload "stateful"' }]],
  ])("%s", (_, spec, problems) => {
    expect(statefulStorage.check(spec, CONTEXT)).toEqual(problems);
  });
});

import { describe, expect, it } from "vitest";
import { mtlsStrict } from "../../src/checks/mtls-strict.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { MtlsMode } from "../../src/index.ts";
import { CONTEXT, checkoutSpec, contextIn, resolvedEnvironment } from "../fixtures.ts";

const relaxes = (mode: string): FieldProblem[] => [
  { path: "mtlsMode", message: `"${mode}" would relax mutual TLS, which the platform requires STRICT everywhere` },
];

describe("service/mtls-strict", () => {
  it.each<[string, MtlsMode | undefined, FieldProblem[]]>([
    ["no mode (STRICT by default)", undefined, []],
    ["STRICT", "STRICT", []],
    ["PERMISSIVE", "PERMISSIVE", relaxes("PERMISSIVE")],
    ["DISABLE", "DISABLE", relaxes("DISABLE")],
  ])("%s", (_, mtlsMode, problems) => {
    const spec = checkoutSpec(mtlsMode === undefined ? {} : { mtlsMode });
    expect(mtlsStrict.check(spec, CONTEXT)).toEqual(problems);
  });

  it("refuses a relaxed mode in every stage, dev included", () => {
    for (const stage of ["dev", "staging", "prod"] as const) {
      expect(mtlsStrict.check(checkoutSpec({ mtlsMode: "PERMISSIVE" }), contextIn(resolvedEnvironment(stage))), stage).toEqual(relaxes("PERMISSIVE"));
    }
  });
});

import { describe, expect, it } from "vitest";
import { envVars } from "../../src/checks/env-vars.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { EnvVarSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec, ledgerSpec } from "../fixtures.ts";

const NONE = "set exactly one of value, secretKeyRef, configMapKeyRef, fieldPath (found none)";

describe("service/env-vars", () => {
  it("accepts the fixture's variables", () => {
    expect(envVars.check(checkoutSpec(), CONTEXT)).toEqual([]);
  });

  it("accepts a service without variables", () => {
    expect(envVars.check(ledgerSpec(), CONTEXT)).toEqual([]);
  });

  it.each<[string, EnvVarSpec[], FieldProblem[]]>([
    [
      "one variable of each source",
      [
        { name: "A", value: "1" },
        { name: "B", secretKeyRef: { name: "s", key: "k" } },
        { name: "C", configMapKeyRef: { name: "c", key: "k" } },
        { name: "POD_IP", fieldPath: "status.podIP" },
      ],
      [],
    ],
    ["an empty value (still a value)", [{ name: "A", value: "" }], []],
    ["names differing only in case", [{ name: "a", value: "1" }, { name: "A", value: "2" }], []],
    ["a repeated name", [{ name: "A", value: "1" }, { name: "A", value: "2" }], [{ path: "env[1].name", message: '"A" is already set by env[0]' }]],
    [
      "a name repeated twice, pointing at the first",
      [{ name: "A", value: "1" }, { name: "B", value: "2" }, { name: "A", value: "3" }, { name: "A", value: "4" }],
      [
        { path: "env[2].name", message: '"A" is already set by env[0]' },
        { path: "env[3].name", message: '"A" is already set by env[0]' },
      ],
    ],
    ["no source", [{ name: "A" }], [{ path: "env[0]", message: NONE }]],
    [
      "two sources",
      [{ name: "A", value: "1", fieldPath: "status.podIP" }],
      [{ path: "env[0]", message: "set exactly one of value, secretKeyRef, configMapKeyRef, fieldPath (found value, fieldPath)" }],
    ],
    [
      "every source",
      [{ name: "A", value: "1", secretKeyRef: { name: "s", key: "k" }, configMapKeyRef: { name: "c", key: "k" }, fieldPath: "f" }],
      [{ path: "env[0]", message: "set exactly one of value, secretKeyRef, configMapKeyRef, fieldPath (found value, secretKeyRef, configMapKeyRef, fieldPath)" }],
    ],
    [
      "a repeated name without a source",
      [{ name: "A", value: "1" }, { name: "A" }],
      [
        { path: "env[1].name", message: '"A" is already set by env[0]' },
        { path: "env[1]", message: NONE },
      ],
    ],
  ])("%s", (_, env, problems) => {
    expect(envVars.check(checkoutSpec({ env }), CONTEXT)).toEqual(problems);
  });
});

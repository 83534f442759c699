import { describe, expect, it } from "vitest";
import { uniquePorts } from "../../src/checks/unique-ports.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServicePortSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec, ledgerSpec } from "../fixtures.ts";

const port = (name: string, number: number, targetPort?: number): ServicePortSpec => ({
  name,
  port: number,
  protocol: "http",
  ...(targetPort === undefined ? {} : { targetPort }),
});

describe("service/unique-ports", () => {
  it("accepts the fixture's ports", () => {
    expect(uniquePorts.check(checkoutSpec(), CONTEXT)).toEqual([]);
  });

  it("accepts a service without ports", () => {
    expect(uniquePorts.check(ledgerSpec(), CONTEXT)).toEqual([]);
  });

  it.each<[string, ServicePortSpec[], FieldProblem[]]>([
    ["distinct names and numbers", [port("http", 80), port("admin", 81), port("metrics", 9090)], []],
    ["two ports sharing a container port (only Service ports must differ)", [port("http", 80, 8080), port("web", 81, 8080)], []],
    ["a repeated name", [port("http", 80), port("http", 81)], [{ path: "ports[1].name", message: '"http" is already used by ports[0]' }]],
    ["a repeated number", [port("http", 80), port("web", 80)], [{ path: "ports[1].port", message: "80 is already used by ports[0]" }]],
    [
      "a port repeating both, of two different ports",
      [port("http", 80), port("admin", 81), port("http", 81)],
      [
        { path: "ports[2].name", message: '"http" is already used by ports[0]' },
        { path: "ports[2].port", message: "81 is already used by ports[1]" },
      ],
    ],
    [
      "a name used three times, pointing at the first",
      [port("http", 80), port("http", 81), port("http", 82)],
      [
        { path: "ports[1].name", message: '"http" is already used by ports[0]' },
        { path: "ports[2].name", message: '"http" is already used by ports[0]' },
      ],
    ],
  ])("%s", (_, ports, problems) => {
    expect(uniquePorts.check(checkoutSpec({ ports, probes: undefined }), CONTEXT)).toEqual(problems);
  });
});

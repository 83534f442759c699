import { describe, expect, it } from "vitest";
import { lowPortCapability } from "../../src/checks/low-port-capability.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceSpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec } from "../fixtures.ts";

describe("service/low-port-capability", () => {
  it.each<[string, Partial<ServiceSpec>, FieldProblem[]]>([
    ["high ports", { ports: [{ name: "grpc", port: 5050, protocol: "grpc" }] }, []],
    ["a low Service port onto a high container port", { ports: [{ name: "http", port: 80, targetPort: 8080, protocol: "http" }] }, []],
    ["a low port with the capability", { ports: [{ name: "http", port: 80, protocol: "http" }], security: { bindLowPorts: true } }, []],
    [
      "a low container port without the capability",
      { ports: [{ name: "http", port: 80, protocol: "http" }] },
      [
        {
          path: "ports[0].port",
          message: "80 is below 1024: the container cannot bind it without security.bindLowPorts (or listen on a higher port and keep 80 as the Service port)",
        },
      ],
    ],
    [
      "a low target port",
      { ports: [{ name: "http", port: 8080, targetPort: 443, protocol: "http" }] },
      [
        {
          path: "ports[0].targetPort",
          message: "443 is below 1024: the container cannot bind it without security.bindLowPorts (or listen on a higher port and keep 8080 as the Service port)",
        },
      ],
    ],
  ])("%s", (_, changes, problems) => {
    expect(lowPortCapability.check(checkoutSpec(changes), CONTEXT)).toEqual(problems);
  });
});

import { describe, expect, it } from "vitest";
import { ISTIO_PROXY_UID, reservedUser } from "../../src/checks/reserved-user.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { SecuritySpec } from "../../src/index.ts";
import { CONTEXT, checkoutSpec } from "../fixtures.ts";

describe("service/reserved-user", () => {
  it("reserves the Istio proxy's UID", () => {
    expect(ISTIO_PROXY_UID).toBe(1337);
  });

  it.each<[string, SecuritySpec | undefined, FieldProblem[]]>([
    ["no security (runs as 1000)", undefined, []],
    ["no user", { writablePaths: ["/tmp"] }, []],
    ["another user", { runAsUser: 1000 }, []],
    ["a user next to the reserved one", { runAsUser: 1338 }, []],
    ["the reserved UID as group only", { runAsUser: 1000, runAsGroup: 1337 }, []],
    ["the reserved UID", { runAsUser: 1337 }, [{ path: "security.runAsUser", message: "1337 is reserved by the Istio proxy" }]],
    ["the reserved UID and group", { runAsUser: 1337, runAsGroup: 1337 }, [{ path: "security.runAsUser", message: "1337 is reserved by the Istio proxy" }]],
  ])("%s", (_, security, problems) => {
    expect(reservedUser.check(checkoutSpec({ security }), CONTEXT)).toEqual(problems);
  });
});

import { describe, expect, it } from "vitest";
import { writablePaths } from "../../src/checks/writable-paths.check.ts";
import type { FieldProblem } from "../../src/field-problem.ts";
import type { ServiceSpec } from "../../src/index.ts";
import { CONTEXT, ledgerSpec } from "../fixtures.ts";

const stateful = (paths: string[] | undefined, mountPath = "/var/lib/ledger"): ServiceSpec =>
  ledgerSpec({ workload: "stateful", storage: { size: "1Gi", mountPath }, ...(paths === undefined ? {} : { security: { writablePaths: paths } }) });
const stateless = (paths: string[]): ServiceSpec => ledgerSpec({ security: { writablePaths: paths } });

describe("service/writable-paths", () => {
  it.each<[string, ServiceSpec, FieldProblem[]]>([
    ["no security", ledgerSpec(), []],
    ["no writable paths", ledgerSpec({ security: { runAsUser: 1000 } }), []],
    ["distinct paths", stateless(["/tmp", "/var/cache/app", "/home/app"]), []],
    ["storage and other paths", stateful(["/tmp", "/var/lib"]), []],
    ["storage without writable paths", stateful(undefined), []],
    ["a repeated path", stateless(["/tmp", "/var/cache", "/tmp"]), [{ path: "security.writablePaths[2]", message: '"/tmp" is already listed at security.writablePaths[0]' }]],
    [
      "a path listed three times, pointing at the first",
      stateless(["/tmp", "/tmp", "/tmp"]),
      [
        { path: "security.writablePaths[1]", message: '"/tmp" is already listed at security.writablePaths[0]' },
        { path: "security.writablePaths[2]", message: '"/tmp" is already listed at security.writablePaths[0]' },
      ],
    ],
    [
      "the storage mount path",
      stateful(["/tmp", "/var/lib/ledger"]),
      [{ path: "security.writablePaths[1]", message: '"/var/lib/ledger" is the storage mount path, which is already writable' }],
    ],
    [
      "the storage mount path, twice",
      stateful(["/data", "/data"], "/data"),
      [
        { path: "security.writablePaths[0]", message: '"/data" is the storage mount path, which is already writable' },
        { path: "security.writablePaths[1]", message: '"/data" is already listed at security.writablePaths[0]' },
        { path: "security.writablePaths[1]", message: '"/data" is the storage mount path, which is already writable' },
      ],
    ],
  ])("%s", (_, spec, problems) => {
    expect(writablePaths.check(spec, CONTEXT)).toEqual(problems);
  });
});

import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SERVICE_CHECKS, type ServiceCheck } from "../src/checks/index.ts";

const checksDir = new URL("../src/checks/", import.meta.url);
const testsDir = new URL("./checks/", import.meta.url);
const checkFiles = readdirSync(checksDir)
  .filter((file) => file.endsWith(".check.ts"))
  .sort();

function isCheck(value: unknown): value is ServiceCheck {
  const candidate = value as Partial<ServiceCheck> | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.id === "string" && typeof candidate.check === "function";
}

/** Each check file with the checks it exports. */
const exported = await Promise.all(
  checkFiles.map(async (file) => {
    const module = (await import(new URL(file, checksDir).href)) as Record<string, unknown>;
    return { file, checks: Object.values(module).filter(isCheck) };
  }),
);

describe("SERVICE_CHECKS", () => {
  it("finds the check files", () => {
    expect(checkFiles.length).toBeGreaterThan(0);
  });

  it.each(checkFiles.map((file) => [file]))("%s exports exactly one check, and it is registered", (file) => {
    const { checks } = exported.find((e) => e.file === file)!;
    expect(checks).toHaveLength(1);
    expect(SERVICE_CHECKS).toContain(checks[0]);
  });

  it("registers only checks from the check files, each once", () => {
    const fromFiles = exported.flatMap((e) => e.checks);
    expect(SERVICE_CHECKS).toHaveLength(fromFiles.length);
    expect(new Set(SERVICE_CHECKS).size).toBe(SERVICE_CHECKS.length);
  });

  it("has unique ids of the form service/<kebab-case>", () => {
    const ids = SERVICE_CHECKS.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^service\/[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it.each(checkFiles.map((file) => [file]))("%s is named after its check's id", (file) => {
    const { checks } = exported.find((e) => e.file === file)!;
    expect(checks[0]?.id).toBe(`service/${file.replace(/\.check\.ts$/, "")}`);
  });

  it("describes every check in one sentence", () => {
    for (const check of SERVICE_CHECKS) expect(check.description, check.id).toMatch(/^[A-Z`].*\.$/);
  });

  it.each(checkFiles.map((file) => [file]))("%s has a test file in test/checks/", (file) => {
    const testFile = file.replace(/\.ts$/, ".test.ts");
    expect(existsSync(new URL(testFile, testsDir)), `test/checks/${testFile}`).toBe(true);
  });
});

import { existsSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENVIRONMENTS_CHECKS, type EnvironmentsCheck } from "../src/checks/environments/index.ts";

const checksDir = new URL("../src/checks/environments/", import.meta.url);
const testsDir = new URL("./checks/environments/", import.meta.url);
const checkFiles = readdirSync(checksDir)
  .filter((file) => file.endsWith(".check.ts"))
  .sort();

function isCheck(value: unknown): value is EnvironmentsCheck {
  const candidate = value as Partial<EnvironmentsCheck> | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.id === "string" && typeof candidate.check === "function";
}

const exported = await Promise.all(
  checkFiles.map(async (file) => {
    const module = (await import(new URL(file, checksDir).href)) as Record<string, unknown>;
    return { file, checks: Object.values(module).filter(isCheck) };
  }),
);

describe("ENVIRONMENTS_CHECKS", () => {
  it("finds the check files", () => {
    expect(checkFiles).toEqual([
      "default-resources.check.ts",
      "distinct-network.check.ts",
      "eks-cluster.check.ts",
      "gke-cluster.check.ts",
      "ingress-namespace.check.ts",
      "kubernetes-version.check.ts",
      "one-primary.check.ts",
      "unique-cluster.check.ts",
      "unique-region.check.ts",
      "warm-standby.check.ts",
    ]);
  });

  it.each(checkFiles.map((file) => [file]))("%s exports exactly one check, registered, named after its id, with a test", (file) => {
    const { checks } = exported.find((e) => e.file === file)!;
    expect(checks).toHaveLength(1);
    expect(ENVIRONMENTS_CHECKS).toContain(checks[0]);
    expect(checks[0]?.id).toBe(`environments/${file.replace(/\.check\.ts$/, "")}`);
    expect(existsSync(new URL(file.replace(/\.ts$/, ".test.ts"), testsDir)), file).toBe(true);
  });

  it("registers only checks from the check files, each once, each described in one sentence", () => {
    expect(ENVIRONMENTS_CHECKS).toHaveLength(exported.flatMap((e) => e.checks).length);
    expect(new Set(ENVIRONMENTS_CHECKS).size).toBe(ENVIRONMENTS_CHECKS.length);
    for (const check of ENVIRONMENTS_CHECKS) expect(check.description, check.id).toMatch(/^[A-Z`].*\.$/);
  });
});

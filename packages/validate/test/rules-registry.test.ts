import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { rulesDocument } from "../scripts/rules-document.ts";
import { isConfigurable, RULE_CATEGORIES, RULES, type Rule } from "../src/index.ts";

const rulesDir = fileURLToPath(new URL("../src/rules/", import.meta.url));
const testsDir = fileURLToPath(new URL("./rules/", import.meta.url));
const docsFile = fileURLToPath(new URL("../../../docs/rules.md", import.meta.url));
const ruleFiles = readdirSync(rulesDir).filter((f) => f.endsWith(".rule.ts")).sort();

describe("the rule registry", () => {
  it("has one file per rule, named after its id, exporting exactly that rule, registered", async () => {
    for (const file of ruleFiles) {
      const module = (await import(pathToFileURL(`${rulesDir}${file}`).href)) as Record<string, Rule>;
      const exported = Object.values(module);
      expect(exported, file).toHaveLength(1);
      expect(`${exported[0]!.id}.rule.ts`).toBe(file);
      expect(RULES, file).toContain(exported[0]);
    }
    expect(RULES.map((r) => `${r.id}.rule.ts`).sort()).toEqual(ruleFiles);
  });

  it("gives every rule a unique kebab-case id, a layer, a severity and a one-sentence description", () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(RULE_CATEGORIES).toContain(rule.category);
      expect(["error", "warning"]).toContain(rule.severity);
      expect(rule.description, rule.id).toMatch(/^[A-Z`].*\.$/);
    }
  });

  it("runs the layers in order", () => {
    const ranks = RULES.map((r) => RULE_CATEGORIES.indexOf(r.category));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it("has a valid/invalid table test for every rule", () => {
    const tests = readdirSync(testsDir).filter((f) => f.endsWith(".rule.test.ts")).sort();
    expect(tests).toEqual(RULES.map((r) => `${r.id}.rule.test.ts`).sort());
    for (const rule of RULES) {
      const text = readFileSync(`${testsDir}${rule.id}.rule.test.ts`, "utf8");
      expect(text, rule.id).toContain("ruleTable(");
      expect(text, rule.id).toContain("valid:");
      expect(text, rule.id).toContain("invalid:");
    }
  });

  it("only lets analysis and policy rules be reconfigured", () => {
    expect(RULES.filter(isConfigurable).map((r) => r.category).every((c) => c === "analysis" || c === "policy")).toBe(true);
  });

  it("documents every rule in docs/rules.md, generated from the registry and up to date (npm run generate)", () => {
    const committed = readFileSync(docsFile, "utf8");
    expect(committed).toBe(rulesDocument());
    for (const rule of RULES) expect(committed).toContain(`### \`${rule.id}\``);
  });
});

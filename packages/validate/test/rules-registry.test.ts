import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES_DIR, ruleFiles } from "../scripts/rule-files.ts";
import { rulesDocument } from "../scripts/rules-document.ts";
import { isConfigurable, RULE_CATEGORIES, RULES, type Rule } from "../src/index.ts";

const testsDir = fileURLToPath(new URL("./rules/", import.meta.url));
const docsFile = fileURLToPath(new URL("../../../docs/rules.md", import.meta.url));
const files = ruleFiles();

describe("the rule registry", () => {
  it("has one file per rule, named after its id, exporting exactly that rule, registered", async () => {
    for (const { id, folder } of files) {
      const file = `${folder}/${id}.rule.ts`;
      const module = (await import(pathToFileURL(`${RULES_DIR}${file}`).href)) as Record<string, Rule>;
      const exported = Object.values(module);
      expect(exported, file).toHaveLength(1);
      expect(exported[0]!.id).toBe(id);
      expect(RULES, file).toContain(exported[0]);
    }
    expect(RULES.map((r) => r.id).sort()).toEqual(files.map((f) => f.id));
  });

  it("keeps each layer in its own folder: a rule's folder starts with its layer", () => {
    for (const { id, folder } of files) {
      const rule = RULES.find((r) => r.id === id)!;
      expect(folder.split("/")[0], id).toBe(rule.category);
    }
  });

  it("puts istioctl codes (ISTnnnn) in the rule's message wording and docs", () => {
    for (const rule of RULES.filter((r) => r.code !== undefined)) {
      expect(rule.code, rule.id).toMatch(/^IST\d{4}$/);
      expect(rule.upstreamMessage ?? "", rule.id).toContain(rule.code!);
    }
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
    for (const { id, folder } of files) {
      const testFile = `${testsDir}${folder}/${id}.rule.test.ts`;
      expect(existsSync(testFile), testFile).toBe(true);
      const text = readFileSync(testFile, "utf8");
      const rule = { id };
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

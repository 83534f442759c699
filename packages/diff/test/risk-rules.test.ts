import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RISK_RULES } from "../src/index.ts";

const SRC = fileURLToPath(new URL("../src/risks/", import.meta.url));
const TESTS = fileURLToPath(new URL("./risks/", import.meta.url));
const DOCS = fileURLToPath(new URL("../../../docs/reviewing.md", import.meta.url));

describe("the risk rules", () => {
  const files = readdirSync(SRC).filter((f) => f.endsWith(".risk.ts")).sort();

  it("registers every rule file, once, with its file's id", () => {
    expect(RISK_RULES.map((r) => `${r.id}.risk.ts`).sort()).toEqual(files);
  });

  it("have unique kebab-case ids and one-sentence descriptions", () => {
    expect(new Set(RISK_RULES.map((r) => r.id)).size).toBe(RISK_RULES.length);
    for (const rule of RISK_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(rule.description).toMatch(/^[A-Z].*\.$/);
    }
  });

  it("each have a table test", () => {
    expect(readdirSync(TESTS).filter((f) => f.endsWith(".risk.test.ts")).sort()).toEqual(files.map((f) => f.replace(/\.ts$/, ".test.ts")));
  });

  it("are each documented in docs/reviewing.md", () => {
    const docs = readFileSync(DOCS, "utf8");
    for (const rule of RISK_RULES) expect(docs).toContain(`\`${rule.id}\``);
  });
});

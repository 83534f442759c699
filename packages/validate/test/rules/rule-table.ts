import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { defaultRegistry, manifestObject, RULES, validateGroups, type Rule, type TargetVersions, type ValidateOptions } from "../../src/index.ts";
import { yamlOf } from "../fixtures.ts";

/** One case of a rule's table: manifests (objects, or raw YAML text) validated together as one environment. */
export interface RuleCase {
  readonly name: string;
  /** Objects (one YAML document each) or the YAML text of one file. */
  readonly manifests: string | readonly unknown[];
  /** Target versions. @default Kubernetes 1.28, Istio 1.20 */
  readonly versions?: Partial<TargetVersions>;
  /** Validation options (levels, strict). */
  readonly options?: ValidateOptions;
  /**
   * Whether the manifests are a whole environment; `false` validates them as files picked out of a larger whole
   * (unresolved references and policy findings become warnings).
   * @default true
   */
  readonly complete?: boolean;
}

/** A case the rule must flag, with its exact findings as `line:column path: message` (or `path: message`). */
export interface InvalidCase extends RuleCase {
  readonly errors: readonly string[];
}

/** The findings of one rule for one case, as `line:column path: message` strings in report order. */
export function findingsOf(rule: Rule, testCase: RuleCase): { text: string; brief: string; severity: string }[] {
  const content = typeof testCase.manifests === "string" ? testCase.manifests : yamlOf(...testCase.manifests);
  const report = validateGroups(
    [{ environment: "test", complete: testCase.complete ?? true, sources: [{ file: "test.yaml", content }], versions: { kubernetes: "1.28", istio: "1.20", ...testCase.versions } }],
    testCase.options ?? {},
  );
  return report.findings
    .filter((f) => f.ruleId === rule.id)
    .map((f) => {
      const brief = `${f.path === "" ? "" : `${f.path}: `}${f.message}`;
      return { text: `${f.line}:${f.column} ${brief}`, brief, severity: f.severity };
    });
}

/**
 * The valid/invalid table test of a rule (the typescript-eslint RuleTester's shape): every valid case gives no finding
 * of the rule; every invalid case gives exactly its findings, in order, at the rule's severity.
 */
export function ruleTable(rule: Rule, cases: { valid: readonly RuleCase[]; invalid: readonly InvalidCase[] }): void {
  describe(`${rule.id} (${rule.category}, ${rule.severity})`, () => {
    it("is registered", () => {
      expect(RULES).toContain(rule);
    });
    it("has valid and invalid cases", () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    describe("valid", () => {
      for (const testCase of cases.valid) {
        it(testCase.name, () => {
          expect(findingsOf(rule, testCase).map((f) => f.text)).toEqual([]);
        });
      }
    });
    if (rule.scope === "object" && rule.kinds !== undefined) {
      const kinds = rule.kinds;
      it(`finds nothing in objects of other kinds than ${[...kinds].sort().join(", ")} (each invalid case's objects, relabelled as every other catalogued kind)`, () => {
        const registry = defaultRegistry();
        const others = registry.kinds.filter((entry) => !kinds.has(entry.kind));
        expect(others.length).toBeGreaterThan(300);
        for (const testCase of cases.invalid) {
          const documents = typeof testCase.manifests === "string" ? parseAllDocuments(testCase.manifests).map((d) => d.toJS() as unknown) : testCase.manifests;
          const context = { versions: { kubernetes: "1.28", istio: "1.20", ...testCase.versions }, kinds: registry, complete: testCase.complete ?? true };
          for (const document of documents) {
            if (document === null || typeof document !== "object" || Array.isArray(document)) continue;
            for (const entry of others) {
              const relabelled = manifestObject("test.yaml", "test", { ...document, apiVersion: entry.apiVersion, kind: entry.kind }, () => ({ line: 1, column: 1 }));
              expect(rule.check(relabelled, context), `${testCase.name} as ${entry.apiVersion} ${entry.kind}`).toEqual([]);
            }
          }
        }
      });
    }
    describe("invalid", () => {
      for (const testCase of cases.invalid) {
        it(testCase.name, () => {
          const findings = findingsOf(rule, testCase);
          const withPosition = testCase.errors.some((e) => /^\d+:\d+ /.test(e));
          expect(findings.map((f) => (withPosition ? f.text : f.brief))).toEqual(testCase.errors);
          const configured = testCase.options?.levels?.[rule.id] ?? (rule.code === undefined ? undefined : testCase.options?.levels?.[rule.code]);
          const partial = testCase.complete === false && (rule.category === "policy" || findings.some((f) => f.brief.includes("not among the validated files")));
          const expected = testCase.options?.strict ? "error" : partial ? "warning" : (configured ?? rule.severity);
          for (const finding of findings) expect(finding.severity).toBe(expected);
        });
      }
    });
  });
}

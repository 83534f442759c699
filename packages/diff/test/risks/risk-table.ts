import { describe, expect, it } from "vitest";
import type { DiffOptions, RenderedObject, RiskRule } from "../../src/index.ts";
import { baseline, diff, flagLines } from "../fixtures.ts";

/** One row of a rule's table: how the new render differs from the baseline, and the exact flags expected. */
export interface RiskCase {
  readonly name: string;
  /** The base render. @default the baseline in every environment */
  readonly base?: readonly RenderedObject[];
  /** The new render, from the baseline. */
  readonly head: (base: RenderedObject[]) => RenderedObject[];
  readonly options?: DiffOptions;
  /** `env object: reason`, in order; empty for a change the rule must not flag. */
  readonly flags: readonly string[];
}

/** Runs a rule alone over every case of its table. */
export function riskTable(rule: RiskRule, cases: readonly RiskCase[]): void {
  describe(rule.id, () => {
    it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const base = [...(c.base ?? baseline())];
      const result = diff(base, c.head(base), { ...c.options, rules: [rule] });
      expect(flagLines(result)).toEqual(c.flags);
      expect(result.risks.every((flag) => flag.rule === rule.id)).toBe(true);
    });
  });
}

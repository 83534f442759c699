import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sortCodeUnits } from "../src/sort-code-units.ts";

describe("sortCodeUnits", () => {
  it("orders as Array.prototype.sort() does, in place, at every length either side of the insertion-sort limit", () => {
    // Any UTF-16 strings (lone surrogates, digits, keys that differ in case); lengths up to 60 cover both paths.
    const keys = fc.array(fc.oneof(fc.string({ unit: "binary" }), fc.constantFrom("a", "B", "10", "9", "", "__proto__", "apiVersion")), { maxLength: 60 });
    fc.assert(
      fc.property(keys, (list) => {
        const expected = [...list].sort();
        const sorted = sortCodeUnits(list);
        expect(sorted).toBe(list);
        expect(sorted).toEqual(expected);
      }),
      { numRuns: 2_000 },
    );
  });

  it("sorts by code unit, not by locale or code point", () => {
    expect(sortCodeUnits(["b", "a", "B", "\u{1F600}", "\uFFFF", "é", "e"])).toEqual(["B", "a", "b", "e", "é", "\u{1F600}", "\uFFFF"]);
  });
});

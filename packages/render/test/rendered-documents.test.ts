import { describe, expect, it } from "vitest";
import { parseSource } from "@cloudlab/validate";
import { planSynthesis, renderEnvironment } from "../src/index.ts";
import { fixturePlatform } from "./fixtures.ts";

describe("the objects a render hands the gate", () => {
  it("are exactly what the gate would parse from the files written from them (so it may skip parsing)", () => {
    let compared = 0;
    for (const model of planSynthesis(fixturePlatform()).models) {
      const render = renderEnvironment(model);
      for (const file of render.files) {
        const document = render.documents.get(file.path);
        if (file.path.endsWith("kustomization.yaml")) {
          expect(document).toBeUndefined();
          continue;
        }
        const parsed = parseSource({ file: file.path, content: file.content });
        expect(parsed.syntaxProblems).toEqual([]);
        expect(parsed.documents.map((d) => d.value)).toStrictEqual([document]);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });
});

import { availableParallelism } from "node:os";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { validateGroups, type ValidationGroup } from "@cloudlab/validate";
import { validateInParallel } from "../src/parallel-validate.ts";

const configMap = (name: string) => stringify({ apiVersion: "v1", kind: "ConfigMap", metadata: { name }, data: { a: "b" } });
const schedule = stringify({ apiVersion: "velero.io/v1", kind: "Schedule", metadata: { name: "nightly" } });

function groups(): ValidationGroup[] {
  return ["dev", "staging", "prod"].map((environment, i) => ({
    environment,
    sources: [
      { file: `${environment}/ok.yaml`, content: configMap("ok") },
      { file: `${environment}/bad.yaml`, content: configMap(`Bad${i}`) },
      { file: `${environment}/crd.yaml`, content: schedule },
    ],
  }));
}

describe("validateInParallel", () => {
  it.skipIf(availableParallelism() < 2)("gives the same report from two threads as from one", async () => {
    const expected = validateGroups(groups(), { strict: true });
    const report = await validateInParallel(groups(), { strict: true }, 0);
    expect(report).toEqual(expected);
    expect(report.findings.map((f) => `${f.environment} ${f.ruleId} ${f.severity}`)).toEqual([
      "dev metadata-name error",
      "dev unknown-kind error",
      "prod metadata-name error",
      "prod unknown-kind error",
      "staging metadata-name error",
      "staging unknown-kind error",
    ]);
  });

  it("stays on one thread below the threshold", async () => {
    expect(await validateInParallel(groups())).toEqual(validateGroups(groups()));
  });
});

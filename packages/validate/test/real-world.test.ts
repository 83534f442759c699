import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { validateGroups, type Finding } from "../src/index.ts";

/**
 * Manifests in the style of public projects (sample mesh apps, an ingress controller, a node exporter, Redis,
 * batch jobs, autoscaling, network policies, tenancy, Istio security and egress), each validated on its own as
 * `cloudlab validate FILE` does: partial input, Kubernetes 1.28 and Istio 1.20.
 *
 * - `accepted/`: objects a 1.28 cluster with Istio accepts: no error (warnings allowed).
 * - `rejected/`: the same kinds of objects with one mistake each, which the apiserver or istiod's webhook rejects;
 *   the file's first line names the field (`# expect: spec.template.spec.containers[0].image`): an error there.
 */
const root = fileURLToPath(new URL("./real-world/", import.meta.url));

function validateAlone(folder: string, file: string): readonly Finding[] {
  const content = readFileSync(`${root}${folder}/${file}`, "utf8");
  return validateGroups([{ sources: [{ file, content }], versions: { kubernetes: "1.28", istio: "1.20" } }]).findings;
}

const brief = (f: Finding) => `${f.resource} ${f.path}: ${f.message} [${f.ruleId}]`;

describe("real-world manifests, one file at a time", () => {
  const accepted = readdirSync(`${root}accepted`).filter((f) => f.endsWith(".yaml")).sort();
  const rejected = readdirSync(`${root}rejected`).filter((f) => f.endsWith(".yaml")).sort();

  it("has a corpus", () => {
    expect(accepted.length).toBeGreaterThanOrEqual(15);
    expect(rejected.length).toBeGreaterThanOrEqual(50);
  });

  it.each(accepted)("accepts %s (no errors)", (file) => {
    expect(validateAlone("accepted", file).filter((f) => f.severity === "error").map(brief)).toEqual([]);
  });

  it.each(rejected)("rejects %s, at the field it names", (file) => {
    const expected = /^# expect: (.*)$/m.exec(readFileSync(`${root}rejected/${file}`, "utf8"))?.[1] ?? "";
    const errors = validateAlone("rejected", file).filter((f) => f.severity === "error");
    expect(errors.length, `${file}: no error`).toBeGreaterThan(0);
    const atField = errors.filter((f) => f.path.startsWith(expected));
    expect(atField.map(brief), `${file}: an error at ${expected}; got ${errors.map(brief).join(" | ")}`).not.toEqual([]);
  });
});

import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planSynthesis, renderEnvironment, RENDER_ANALYSES, type Manifest } from "@cloudlab/render";
import { formatPath, KindRegistry, manifestObject, RULES } from "@cloudlab/validate";
import { ANALYSIS_BLIND_CONTAINER_FIELDS, relationsDigest } from "../src/incremental/relations-digest.ts";
import { loadPlatform } from "../src/load-platform.ts";

const REPO_ROOT = new URL("../../../", import.meta.url).pathname;

/** What the cross-object checks find in `documents`: the gate's group rules and the render's analyses, as text. */
function crossObjectFindings(documents: readonly { path: string; document: unknown }[], versions: { kubernetes: string; istio: string }, registry: KindRegistry): string[] {
  const objects = documents.map(({ path, document }) => manifestObject(path, "env", document, () => ({ line: 1, column: 1 })));
  const found: string[] = [];
  for (const rule of RULES.filter((r) => r.scope === "group")) {
    for (const problem of rule.check(objects, { versions, kinds: registry, complete: true })) found.push(`${rule.id} ${problem.object.file} ${formatPath(problem.path)} ${problem.message}`);
  }
  for (const analysis of RENDER_ANALYSES) {
    for (const finding of analysis(documents.map((d) => d.document as Manifest))) found.push(`${analysis.name} ${finding.object} ${finding.message}`);
  }
  return found.sort();
}

/** A copy of `document` whose containers' analysis-blind fields hold other values. */
function withBlindFieldsChanged(document: unknown, values: Readonly<Record<string, unknown>>): unknown {
  const walk = (value: unknown, inContainers: boolean): unknown => {
    if (Array.isArray(value)) return value.map((item) => (inContainers && item !== null && typeof item === "object" ? { ...(walk(item, false) as object), ...values } : walk(item, false)));
    if (value === null || typeof value !== "object") return value;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, key === "containers" || key === "initContainers")]));
  };
  return walk(document, false);
}

describe("relationsDigest", () => {
  // env is not blind (the secret-reference rule reads its Secret references), so it takes a value of its own.
  const deployment = (image: string, port: number, env = "a") => ({
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", labels: { app: "web" } },
    spec: { template: { spec: { containers: [{ name: "web", image, env: [{ name: "A", value: env }], ports: [{ containerPort: port }] }] } } },
  });

  it("ignores the analysis-blind fields of containers and nothing else", () => {
    const base = relationsDigest([{ path: "dev/a.yaml", document: deployment("web:1", 80) }]);
    expect(relationsDigest([{ path: "dev/a.yaml", document: deployment("web:2", 80) }])).toBe(base);
    expect(relationsDigest([{ path: "dev/a.yaml", document: deployment("web:1", 81) }])).not.toBe(base);
    expect(relationsDigest([{ path: "dev/a.yaml", document: deployment("web:1", 80, "b") }])).not.toBe(base);
    expect(relationsDigest([{ path: "dev/b.yaml", document: deployment("web:1", 80) }])).not.toBe(base);
    const image = { ...deployment("web:1", 80), metadata: { name: "web", labels: { app: "web" }, annotations: { image: "x" } } };
    expect(relationsDigest([{ path: "dev/a.yaml", document: image }])).not.toBe(base);
  });

  it("is the digest of each object's JSON without its containers' blind fields, for any JSON (the shortcut for objects without containers included)", () => {
    // The definition, written the slow way: a replacer over every value.
    const reference = (path: string, document: unknown) => {
      const containers = new WeakSet<object>();
      const json = JSON.stringify(document, function (this: object, key: string, value: unknown) {
        if (containers.has(this) && ANALYSIS_BLIND_CONTAINER_FIELDS.has(key)) return undefined;
        if ((key === "containers" || key === "initContainers") && Array.isArray(value)) for (const item of value) if (item !== null && typeof item === "object") containers.add(item);
        return value;
      });
      return createHash("sha1").update(path).update("\0").update(json).update("\0").digest("hex");
    };
    const key = fc.constantFrom("containers", "initContainers", "image", "resources", "args", "command", "name", "spec", "x");
    const container = fc.dictionary(key, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
    const document = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: "small" }, fc.jsonValue({ maxDepth: 1 }), fc.array(container, { maxLength: 3 }), fc.dictionary(key, tie("value"), { maxKeys: 4 })),
    })).value;
    fc.assert(fc.property(document, (doc) => relationsDigest([{ path: "dev/a.yaml", document: doc }]) === reference("dev/a.yaml", doc)), { numRuns: 2000 });
    // Text that reads like a list of containers, inside a string, is text: it counts whole.
    const annotated = (text: string) => ({ kind: "ConfigMap", metadata: { name: "c", annotations: { note: text } } });
    const quoted = '{"containers":[{"image":"a:1"}]}';
    expect(relationsDigest([{ path: "dev/c.yaml", document: annotated(quoted) }])).toBe(reference("dev/c.yaml", annotated(quoted)));
    expect(relationsDigest([{ path: "dev/c.yaml", document: annotated(quoted) }])).not.toBe(relationsDigest([{ path: "dev/c.yaml", document: annotated(quoted.replace("a:1", "a:2")) }]));
  });

  it("does not depend on the order the objects are given in", () => {
    const a = { path: "dev/a.yaml", document: deployment("a:1", 80) };
    const b = { path: "dev/b.yaml", document: deployment("b:1", 81) };
    expect(relationsDigest([a, b])).toBe(relationsDigest([b, a]));
  });

  it("the blind fields are blind: changing them never changes what the gate's cross-object rules and the render's analyses find (sample platform, objects dropped at random to make them find things)", async () => {
    const definition = await loadPlatform("apps/platform", REPO_ROOT);
    const registry = new KindRegistry();
    // Plausible other values for the known blind fields, and odd ones for any field added to the list later.
    const plausible: Record<string, fc.Arbitrary<unknown>> = {
      image: fc.constantFrom("other/image:9.9.9", "x", ""),
      env: fc.constantFrom([], [{ name: "A", value: "b" }], [{ name: "PORT", value: "1" }]),
      envFrom: fc.constantFrom([], [{ configMapRef: { name: "x" } }]),
      resources: fc.constantFrom({}, { requests: { cpu: "1", memory: "1Gi" } }, { limits: { cpu: "9" } }),
      args: fc.constantFrom([], ["--port", "1"]),
      command: fc.constantFrom(["sh"], []),
    };
    const odd = fc.constantFrom<unknown>("zz", [], {}, [{ name: "zz", containerPort: 1 }], 7);
    const blind = fc.record(Object.fromEntries([...ANALYSIS_BLIND_CONTAINER_FIELDS].map((field) => [field, plausible[field] ?? odd])));
    let findingsSeen = 0;
    for (const model of planSynthesis(definition).models) {
      const render = renderEnvironment(model);
      const documents = [...render.documents].map(([path, document]) => ({ path, document }));
      fc.assert(
        fc.property(fc.array(fc.boolean(), { minLength: documents.length, maxLength: documents.length }), blind, (keep, values) => {
          const kept = documents.filter((_, i) => keep[i]);
          const before = crossObjectFindings(kept, model.environment.versions, registry);
          findingsSeen += before.length;
          const changed = kept.map(({ path, document }) => ({ path, document: withBlindFieldsChanged(document, values) }));
          expect(crossObjectFindings(changed, model.environment.versions, registry)).toEqual(before);
          expect(relationsDigest(changed)).toBe(relationsDigest(kept));
        }),
        { numRuns: 15 },
      );
    }
    expect(findingsSeen).toBeGreaterThan(100);
  });
});

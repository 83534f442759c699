import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlatformDefinition } from "@cloudlab/model";
import { synthesize } from "@cloudlab/render";
import { synthesizeAndGate, synthesisFiles, synthesisPaths, type GatedSynthesis } from "../src/gated-synthesis.ts";
import { synthesizeInParallel } from "../src/parallel-synthesize.ts";
import type { EnvironmentRecord } from "../src/incremental/environment-record.ts";
import { loadPlatform } from "../src/load-platform.ts";
import { definitionOf, samplePlatformSpecs } from "./helpers.ts";

const REPO_ROOT = new URL("../../../", import.meta.url).pathname;

type Specs = Record<string, any>;


const FINGERPRINT = "test-generator";

/** The output folder as a synth leaves it: the previous tree, with the new render's changed files written. */
function applied(tree: ReadonlyMap<string, string>, synthesis: GatedSynthesis): Map<string, string> {
  const next = new Map(tree);
  const paths = new Set(synthesisPaths(synthesis));
  for (const path of tree.keys()) if (!paths.has(path)) next.delete(path);
  for (const file of synthesisFiles(synthesis)) next.set(file.path, file.content);
  return next;
}

function records(synthesis: GatedSynthesis): Map<string, EnvironmentRecord> {
  return new Map(synthesis.outputs.map((o) => [o.environment, o.record!]));
}

/** A full render (the reference), as a tree. */
function fullTree(specs: Specs): Map<string, string> {
  const synthesis = synthesize(definitionOf(specs));
  expect(synthesis.renderProblems).toEqual([]);
  return new Map(synthesis.files.map((f) => [f.path, f.content]));
}

async function gate(specs: Specs, previous?: Map<string, EnvironmentRecord>): Promise<GatedSynthesis> {
  return await synthesizeAndGate(definitionOf(specs), { out: "environments", fingerprint: FINGERPRINT, ...(previous === undefined ? {} : { previous }) });
}

function edited(change: (specs: Specs) => void): Specs {
  const specs = structuredClone(samplePlatformSpecs()) as Specs;
  change(specs);
  return specs;
}

const CHECKOUT = "platform/services/shop/checkout.ts";
const WEB = "platform/services/shop/web.ts";

describe("synthesizeInParallel", () => {
  it.skipIf(availableParallelism() < 2)("renders half of the environments in a worker thread with the same outcome as one thread", async () => {
    const options = { out: "environments", fingerprint: FINGERPRINT };
    const parallel = await synthesizeInParallel(definitionOf(samplePlatformSpecs()), options, 0);
    expect(parallel).toEqual(await synthesizeAndGate(definitionOf(samplePlatformSpecs()), options));
    expect(parallel.outputs.map((o) => o.environment)).toEqual(["dev", "prod-us-west-2"]);
  });

  it.skipIf(availableParallelism() < 2)("reports the same spec errors from both threads, once", async () => {
    const specs = edited((s) => (s[CHECKOUT].resources.limits.cpu = "500mm"));
    const parallel = await synthesizeInParallel(definitionOf(specs), { out: "environments" }, 0);
    expect(parallel.specErrors).toEqual((await synthesizeAndGate(definitionOf(specs), { out: "environments" })).specErrors);
    expect(parallel.specErrors.length).toBeGreaterThan(0);
    expect(parallel.outputs).toEqual([]);
  });
});

describe("synthesizeAndGate without records (--no-cache, --check)", () => {
  it("gives the same files, findings and unit counts as with records, and no record", async () => {
    const definition = definitionOf(samplePlatformSpecs());
    const withRecords = await synthesizeAndGate(definition, { out: "environments", fingerprint: FINGERPRINT });
    const without = await synthesizeAndGate(definition, { out: "environments", fingerprint: FINGERPRINT, records: false });
    expect(without.outputs.map((o) => o.record)).toEqual(without.outputs.map(() => undefined));
    expect(withRecords.outputs.every((o) => o.record !== undefined)).toBe(true);
    const { record: _record, ...first } = withRecords.outputs[0]!;
    expect(without.outputs[0]).toEqual(first);
    expect(without.outputs.map((o) => o.units)).toEqual(withRecords.outputs.map((o) => o.units));
    expect({ ...without, outputs: [] }).toEqual({ ...withRecords, outputs: [] });
  });
});

describe("incremental synth (records of the last render)", () => {
  it("rebuilds only the changed service after an image tag change (no other object shows it), with the same files and findings", async () => {
    const first = await gate(samplePlatformSpecs());
    const specs = edited((s) => (s[CHECKOUT].image.tag = "1.0.1"));
    const second = await gate(specs, records(first));
    expect(second.outputs.map((o) => [o.environment, o.mode, o.units])).toEqual([
      ["dev", "incremental", { built: 1, total: 3 }],
      ["prod-us-west-2", "incremental", { built: 1, total: 3 }],
    ]);
    expect(applied(new Map(synthesisFiles(first).map((f) => [f.path, f.content])), second)).toEqual(fullTree(specs));
    expect(second.findings).toEqual((await gate(specs)).findings);
  });

  it("rebuilds nothing when nothing changed, and carries the findings over", async () => {
    const first = await gate(samplePlatformSpecs());
    const second = await gate(samplePlatformSpecs(), records(first));
    expect(second.outputs.map((o) => o.units.built)).toEqual([0, 0]);
    // Nothing rendered, not even the kustomizations: the paths and the record are the last render's.
    expect(synthesisFiles(second)).toEqual([]);
    expect(synthesisPaths(second)).toEqual(synthesisPaths(first));
    expect(second.outputs.map((o) => o.record)).toEqual(first.outputs.map((o) => o.record));
    expect(second.findings).toEqual(first.findings);
    expect(second.resources).toBe(first.resources);
    expect(second.capacity).toEqual(first.capacity);
    expect(second.cost).toEqual(first.cost);
  });

  it("renders the whole environment again when what the cross-object analyses see changed (a new call)", async () => {
    const specs = edited((s) => {
      s[CHECKOUT].calls = ["web"];
    });
    const second = await gate(specs, records(await gate(samplePlatformSpecs())));
    expect(second.outputs.map((o) => o.mode)).toEqual(["full", "full"]);
    expect(new Map(synthesisFiles(second).map((f) => [f.path, f.content]))).toEqual(fullTree(specs));
  });

  it("ignores a record of another generator", async () => {
    const first = await gate(samplePlatformSpecs());
    const stale = new Map([...records(first)].map(([env, record]) => [env, { ...record, fingerprint: "older-generator" }]));
    expect((await gate(samplePlatformSpecs(), stale)).outputs.map((o) => o.mode)).toEqual(["full", "full"]);
  });

  it("carries a kept unit's findings over, and recomputes a rebuilt unit's", async () => {
    const CART = "platform/services/shop/cart.ts";
    const withCart = (tag: string, webTag = "2.3.4") =>
      edited((s) => {
        s[CART] = { ...structuredClone(s[CHECKOUT]), name: "cart", image: { repository: "registry.example/shop/cart", tag } };
        s[WEB].image.tag = webTag;
      });
    const dev = (await gate(withCart("0.1.0"))).outputs[0]!.record!;
    // A finding the last render left in web's files (the sample renders none): kept with web's unit.
    const finding = { ruleId: "image-tag-pinned", severity: "warning" as const, file: "environments/dev/shop/web/deployment-web.yaml", line: 1, column: 1, environment: "dev", resource: "Deployment/web", path: "", message: "remembered" };
    const marked = new Map([["dev", { ...dev, units: { ...dev.units, "shop/web": { ...dev.units["shop/web"]!, findings: [finding] } } }]]);

    const cartChanged = await gate(withCart("0.1.1"), marked);
    expect(cartChanged.outputs[0]).toMatchObject({ mode: "incremental", units: { built: 1, total: 4 } });
    expect(cartChanged.findings).toContainEqual(finding);

    const webChanged = await gate(withCart("0.1.0", "2.3.5"), marked);
    expect(webChanged.outputs[0]).toMatchObject({ mode: "incremental" });
    expect(webChanged.findings).not.toContainEqual(finding);
    expect(webChanged.findings).toEqual((await gate(withCart("0.1.0", "2.3.5"))).findings);
  });

  it("property: any sequence of edits gives, step after step, the files and findings of a full render", async () => {
    const edit = fc.oneof(
      fc.record({ kind: fc.constant("tag" as const), service: fc.constantFrom(CHECKOUT, WEB), tag: fc.constantFrom("1.0.0", "1.0.1", "2.0.0", "latest") }),
      fc.record({ kind: fc.constant("replicas" as const), min: fc.integer({ min: 2, max: 5 }) }),
      fc.record({ kind: fc.constant("calls" as const), on: fc.boolean() }),
      fc.record({ kind: fc.constant("env" as const), value: fc.constantFrom("a", "b") }),
      fc.record({ kind: fc.constant("extra" as const), present: fc.boolean() }),
      fc.record({ kind: fc.constant("memory" as const), memory: fc.constantFrom("64Mi", "96Mi") }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        const specs = structuredClone(samplePlatformSpecs()) as Specs;
        let previous = await gate(specs);
        let tree = new Map(synthesisFiles(previous).map((f) => [f.path, f.content]));
        for (const step of edits) {
          if (step.kind === "tag") specs[step.service].image.tag = step.tag;
          if (step.kind === "replicas") specs[CHECKOUT].autoscaling.minReplicas = step.min;
          if (step.kind === "calls") specs[WEB].calls = step.on ? ["checkout"] : [];
          if (step.kind === "env") specs[WEB].env = [{ name: "MODE", value: step.value }];
          if (step.kind === "memory") specs[CHECKOUT].resources.requests.memory = step.memory;
          if (step.kind === "extra") {
            if (step.present) specs["platform/services/shop/cart.ts"] = { ...structuredClone(specs[CHECKOUT]), name: "cart", image: { repository: "registry.example/shop/cart", tag: "0.1.0" } };
            else delete specs["platform/services/shop/cart.ts"];
          }
          const next = await gate(specs, records(previous));
          tree = applied(tree, next);
          const reference = await gate(specs);
          expect(tree).toEqual(fullTree(specs));
          expect(next.findings).toEqual(reference.findings);
          expect(next.resources).toBe(reference.resources);
          expect(sha(records(next))).toEqual(sha(records(reference), ["stats", "directories"]));
          previous = next;
        }
      }),
      { numRuns: 25 },
    );
  });
});

/** A digest of records, without the fields the CLI fills in after writing. */
function sha(records: ReadonlyMap<string, EnvironmentRecord>, _without: readonly string[] = []): string {
  const plain = [...records].map(([env, { directories: _d, stats: _s, ...rest }]) => [env, rest]);
  return createHash("sha1").update(JSON.stringify(plain)).digest("hex");
}

describe("incremental synth of the sample platform (apps/platform)", () => {
  // Since Argo Rollouts the sample has no two-version service: cloud-lab-service is one canary Rollout in staging and
  // prod (a Deployment in dev) and frontend a blue-green Rollout everywhere. A Rollout's pod template carries its image
  // tag (the `service.istio.io/canonical-revision` label its analysis measures by), which the cross-object analyses
  // see, so an image change of a Rollout renders the environment again; that of a Deployment or StatefulSet does not.
  it("gives a full render's files after image changes of a stateless, a stateful, a blue-green and a canary service", async () => {
    const definition = await loadPlatform("apps/platform", REPO_ROOT);
    const withTags = (base: PlatformDefinition, changes: Record<string, (spec: Specs) => void>): PlatformDefinition => ({
      ...base,
      services: base.services.map((s) => {
        const change = changes[s.spec.name];
        if (change === undefined) return s;
        const spec = structuredClone(s.spec) as Specs;
        change(spec);
        return { ...s, spec: spec as typeof s.spec };
      }),
    });
    const options = { out: "environments", fingerprint: FINGERPRINT };
    const first = await synthesizeAndGate(definition, options);
    let tree = new Map(synthesisFiles(first).map((f) => [f.path, f.content]));

    // A Deployment and a StatefulSet: only their units are built, the cross-object findings are kept.
    const plain = withTags(definition, {
      checkoutservice: (spec) => (spec.image.tag = "v0.10.99"),
      "redis-cart": (spec) => (spec.image.tag = "7.2.5-alpine"),
    });
    const second = await synthesizeAndGate(plain, { ...options, previous: records(first) });
    expect(second.outputs.every((o) => o.mode === "incremental" && o.units.built <= 2)).toBe(true);
    tree = applied(tree, second);
    expect(tree).toEqual(new Map(synthesize(plain).files.map((f) => [f.path, f.content])));
    expect(second.findings).toEqual((await synthesizeAndGate(plain, options)).findings);

    // A blue-green and a canary Rollout: the files and findings of a full render still.
    const rollouts = withTags(plain, {
      frontend: (spec) => (spec.image.tag = "v0.10.99"),
      "cloud-lab-service": (spec) => (spec.image.tag = "1.1.1"),
    });
    const third = await synthesizeAndGate(rollouts, { ...options, previous: records(second) });
    tree = applied(tree, third);
    expect(tree).toEqual(new Map(synthesize(rollouts).files.map((f) => [f.path, f.content])));
    expect(third.findings).toEqual((await synthesizeAndGate(rollouts, options)).findings);
  });
});

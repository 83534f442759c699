import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { onlineBoutiqueCorpus } from "./corpus.ts";
// @ts-expect-error -- plain JavaScript without declarations: the build's own modules.
import { modelSchemas, runtimeCompilingPackages, writeModelValidators } from "../scripts/kubernetes-models-validate/precompile.mjs";
// @ts-expect-error -- plain JavaScript without declarations: the build's own modules.
import { precompiledValidate } from "../scripts/kubernetes-models-validate/runtime.mjs";

/** The repository root, from this file's location (apps/cli/test). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const OUT = join(ROOT, "dist/kubernetes-models-validators-test");

/** Online Boutique's corpus, when the reference material is on this machine. */
const CORPUS = onlineBoutiqueCorpus(ROOT);

interface Package {
  readonly name: string;
  readonly dir: string;
  readonly validatePath: string;
  readonly models: readonly string[];
}
interface ModelClass {
  new (data: unknown): { validate(): void };
  readonly apiVersion: string;
  readonly kind: string;
}
interface Document {
  readonly apiVersion: string;
  readonly kind: string;
  readonly [field: string]: unknown;
}
type Validate = (id: string, data: unknown) => void;

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
    });
}

function documents(paths: readonly string[]): Document[] {
  return paths
    .flatMap((path) => parseAllDocuments(readFileSync(path, "utf8")).map((d) => d.toJS() as unknown))
    .filter((d): d is Document => d !== null && typeof d === "object" && typeof (d as Document).apiVersion === "string" && typeof (d as Document).kind === "string");
}

/** What a validation did: nothing, or the error it threw, with every field the render and the gate read. */
function outcome(run: () => void) {
  try {
    run();
    return { threw: false as const };
  } catch (error) {
    const { errors, message, constructor } = error as { errors?: readonly Record<string, unknown>[]; message: string; constructor: unknown };
    return {
      threw: true as const,
      constructor,
      message,
      // The schema objects of `verbose` compared as text (the precompiled ones are copies); `parentSchema` is the
      // schema holding `schema`, the whole model's at the top level: its keys are enough.
      errors: errors?.map(({ schema, parentSchema, ...error }) => ({ ...error, schema: JSON.stringify(schema), parentSchema: Object.keys((parentSchema ?? {}) as object).sort() })),
    };
  }
}

/** Every package on `@kubernetes-models/validate` 3, with its models by `apiVersion kind` and both validators. */
interface Subject {
  readonly pkg: Package;
  readonly models: ReadonlyMap<string, { readonly Model: ModelClass; readonly id: string }>;
  readonly precompiled: Validate;
}

describe("validators compiled ahead of time for the kubernetes-models packages on @kubernetes-models/validate 3", () => {
  const packages = runtimeCompilingPackages() as Package[];
  const subjects = new Map<string, Subject>();
  let sample: Document[] = [];
  let boutique: Document[] = [];

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    for (const pkg of packages) {
      const ids = new Set((await writeModelValidators(pkg, OUT)) as string[]);
      const require = createRequire(join(pkg.dir, "package.json"));
      const models = new Map<string, { Model: ModelClass; id: string }>();
      for (const file of pkg.models) {
        for (const Model of Object.values(require(file) as Record<string, ModelClass>)) {
          const { ids: [id] } = modelSchemasOf(pkg, file);
          if (typeof Model === "function" && id !== undefined) models.set(`${Model.apiVersion} ${Model.kind}`, { Model, id });
        }
      }
      const folder = join(OUT, `kubernetes-models-validators/${pkg.name.slice("@kubernetes-models/".length)}`);
      const { validate } = precompiledValidate((id: string) => (ids.has(id) ? join(folder, `${id}.cjs`) : undefined)) as { validate: Validate };
      subjects.set(pkg.name, { pkg, models, precompiled: validate });
    }
    const known = (d: Document) => [...subjects.values()].some((s) => s.models.has(`${d.apiVersion} ${d.kind}`));
    sample = documents(yamlFiles(join(ROOT, "environments"))).filter(known);
    boutique = CORPUS === undefined ? [] : documents(yamlFiles(CORPUS).filter((p) => !p.includes("/templates/"))).filter(known);
  }, 600_000);

  /** The model schema id a model file validates with (its `validate(id, …)`), from the build's own collector. */
  function modelSchemasOf(pkg: Package, file: string): { ids: string[] } {
    return modelSchemas({ ...pkg, models: [file] }) as { ids: string[] };
  }

  /** Both validations of one document: the package's own (run-time ajv) and the precompiled validator's. */
  function both(document: Document) {
    for (const { models, precompiled } of subjects.values()) {
      const model = models.get(`${document.apiVersion} ${document.kind}`);
      if (model === undefined) continue;
      const atRunTime = outcome(() => new model.Model(structuredClone(document)).validate());
      const aheadOfTime = outcome(() => precompiled(model.id, new model.Model(structuredClone(document))));
      return { atRunTime, aheadOfTime };
    }
    throw new Error(`${document.apiVersion} ${document.kind}: no model`);
  }

  it("finds exactly the packages that compile at run time: istio, argo-rollouts and gateway-api", () => {
    expect(packages.map((p) => p.name)).toEqual(["@kubernetes-models/argo-rollouts", "@kubernetes-models/gateway-api", "@kubernetes-models/istio"]);
    for (const pkg of packages) expect(JSON.parse(readFileSync(join(dirname(pkg.validatePath), "../package.json"), "utf8")).version).toMatch(/^3\./);
  });

  it("has a validator for every model of those packages", () => {
    for (const { pkg, models } of subjects.values()) {
      expect(models.size, pkg.name).toBeGreaterThan(4);
      const folder = join(OUT, `kubernetes-models-validators/${pkg.name.slice("@kubernetes-models/".length)}`);
      for (const { id } of models.values()) expect(existsSync(join(folder, `${id}.cjs`)), id).toBe(true);
    }
  });

  it("the sample's rendered objects of those kinds: the same verdicts (all valid) as at run time", () => {
    const kinds = new Set(sample.map((d) => `${d.apiVersion} ${d.kind}`));
    // Istio's mesh objects, a canary's Rollout and AnalysisTemplate, the Gateway API's Gateway and HTTPRoute.
    expect([...kinds].sort()).toEqual(expect.arrayContaining(["argoproj.io/v1alpha1 Rollout", "networking.istio.io/v1beta1 VirtualService", "security.istio.io/v1beta1 AuthorizationPolicy"]));
    for (const document of sample) {
      const { atRunTime, aheadOfTime } = both(document);
      expect(aheadOfTime, `${document.kind} ${JSON.stringify((document as { metadata?: unknown }).metadata)}`).toEqual(atRunTime);
      expect(atRunTime.threw).toBe(false);
    }
  });

  it.skipIf(CORPUS === undefined)("Online Boutique's Istio manifests (../shared/corpus/online-boutique, skipped where absent): the same verdicts", () => {
    expect(boutique.length).toBeGreaterThanOrEqual(3);
    for (const document of boutique) {
      const { atRunTime, aheadOfTime } = both(document);
      expect(aheadOfTime).toEqual(atRunTime);
    }
  });

  it("the same errors and messages for known mistakes: a wrong type, a number out of int32, a bad enum, a missing field; null metadata allowed", () => {
    const rollout = sample.find((d) => d.kind === "Rollout")!;
    const virtualService = sample.find((d) => d.kind === "VirtualService")!;
    const cases: [Document, string | undefined][] = [
      [{ ...rollout, spec: { ...(rollout.spec as object), replicas: "three" } }, "data/spec/replicas must be integer"],
      [{ ...rollout, spec: { ...(rollout.spec as object), minReadySeconds: 2 ** 40 } }, 'data/spec/minReadySeconds must match format "int32"'],
      // The `null` branch of `oneOf: [{ $ref: ObjectMeta }, { type: "null" }]`; a wrong name is reported without its error.
      [{ ...rollout, metadata: null }, undefined],
      [{ ...rollout, metadata: { name: 7 } }, "data/metadata/name must be string"],
      [{ ...virtualService, spec: { http: [{ route: [{ destination: { port: { number: "80" } } }] }] } }, "data/spec/http/0/route/0/destination/port/number must be integer"],
      [{ apiVersion: "security.istio.io/v1beta1", kind: "PeerAuthentication", spec: { mtls: { mode: "SOMETIMES" } } }, "data/spec/mtls/mode must be equal to one of the allowed values"],
      [{ apiVersion: "argoproj.io/v1alpha1", kind: "Rollout", spec: { template: { spec: { containers: [{ name: "a", image: "shop/a:1" }, { image: "shop/b:1" }] } } } }, "data/spec/template/spec/containers/1 must have required property 'name'"],
    ];
    for (const [document, message] of cases) {
      const { atRunTime, aheadOfTime } = both(document);
      expect(aheadOfTime).toEqual(atRunTime);
      expect(aheadOfTime.threw ? aheadOfTime.message : undefined).toBe(message);
      if (aheadOfTime.threw) expect(aheadOfTime.constructor).toBe(createRequire(import.meta.url)("ajv").ValidationError);
    }
  });

  // ajv's compiler not loaded: the packages' own validate (which requires ajv) never ran.
  it("installed in the place of each package's validate: the models' CommonJS build validates without loading ajv's compiler", () => {
    const packagesOption = Object.fromEntries(
      packages.map((pkg) => {
        const name = pkg.name.slice("@kubernetes-models/".length);
        const { ids } = modelSchemas(pkg) as { ids: string[] };
        const probe = `${pkg.name}/${pkg.models[0]!.slice(pkg.dir.length + 1, -".js".length)}`;
        return [pkg.name, { probe, directory: `./kubernetes-models-validators/${name}`, ids }];
      }),
    );
    const script = `
      import { createRequire } from "node:module";
      import { installPrecompiledValidate } from ${JSON.stringify(pathToFileURL(join(ROOT, "apps/cli/scripts/kubernetes-models-validate/runtime.mjs")).href)};
      const requireModel = installPrecompiledValidate(${JSON.stringify(`${pathToFileURL(OUT).href}/`)}, ${JSON.stringify(packagesOption)});
      const { Rollout } = requireModel("@kubernetes-models/argo-rollouts/argoproj.io/v1alpha1/Rollout");
      const { PeerAuthentication } = requireModel("@kubernetes-models/istio/security.istio.io/v1beta1/PeerAuthentication");
      new Rollout({ metadata: { name: "shop" }, spec: { replicas: 2 } }).validate();
      let message;
      try { new PeerAuthentication({ spec: { mtls: { mode: "SOMETIMES" } } }).validate(); } catch (error) { message = error.message; }
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => ["ajv/dist/core.js", "ajv/dist/compile/"].some((part) => file.includes(part)));
      console.log(JSON.stringify({ message, loaded }));
    `;
    const result = JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8" })) as unknown;
    expect(result).toEqual({ message: "data/spec/mtls/mode must be equal to one of the allowed values", loaded: [] });
  });

  it("an id without a model: ajv's own error", () => {
    const { precompiled } = subjects.get("@kubernetes-models/istio")!;
    expect(() => precompiled("networking.istio.io.v1.Nothing", {})).toThrow('no schema with key or ref "networking.istio.io.v1.Nothing"');
  });

  it("mutations of the sample's and Online Boutique's objects (fast-check): the same verdicts, errors and messages", () => {
    const corpus = [...sample, ...boutique];
    const value = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constantFrom("1Gi", "500m", "x", "", "SIMPLE", "ISTIO_MUTUAL"), fc.array(fc.string(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }));
    /** One change at a path picked by `picks` (each pick an index into the keys at that depth): set, delete or add. */
    const mutation = fc.record({ picks: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), change: fc.oneof(value.map((v) => ({ set: v })), fc.constant({ delete: true }), fc.record({ add: fc.string({ minLength: 1, maxLength: 6 }), value })) });
    let invalid = 0;
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), mutation, (index, { picks, change }) => {
        const document = structuredClone(corpus[index]!) as Record<string, unknown>;
        let parent: Record<string, unknown> = document;
        let key: string | undefined;
        for (const pick of picks) {
          const holder: unknown = key === undefined ? parent : parent[key];
          if (holder === null || typeof holder !== "object") break;
          const keys = Object.keys(holder);
          if (keys.length === 0) break;
          if (key !== undefined) parent = holder as Record<string, unknown>;
          key = keys[pick % keys.length];
        }
        if (key !== undefined && key !== "apiVersion" && key !== "kind") {
          if ("set" in change) parent[key] = change.set;
          else if ("delete" in change) delete parent[key];
          else parent[change.add] = change.value;
        }
        const { atRunTime, aheadOfTime } = both(document as Document);
        if (atRunTime.threw) invalid++;
        expect(aheadOfTime).toEqual(atRunTime);
      }),
      { numRuns: 400, seed: 17 },
    );
    // Many mutations break something: the comparison covers the errors, not only accepted objects.
    expect(invalid).toBeGreaterThan(40);
  });
});

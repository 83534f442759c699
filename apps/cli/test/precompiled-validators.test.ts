import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
// @ts-expect-error -- plain JavaScript without declarations: the build's own module.
import { precompiledValidatorsModule } from "../scripts/precompiled-validators.mjs";
import { loadPlatform } from "../src/load-platform.ts";
import { onlineBoutiqueCorpus } from "./corpus.ts";

/** The repository root, from this file's location (apps/cli/test). */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** The Online Boutique corpus, when the reference material is there (it is not on every machine). */
const CORPUS = onlineBoutiqueCorpus(ROOT);

interface ValidateFunction {
  (data: unknown): boolean;
  errors?: readonly Record<string, unknown>[] | null;
}
interface Validators {
  readonly VALIDATORS: Readonly<Record<string, string>>;
  validator(name: string): ValidateFunction;
}

function files(dir: string, test: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path, test) : test(name) ? [path] : [];
    });
}

/** Every `*.ajv.ts` recipe of the workspace packages. */
const RECIPES = readdirSync(join(ROOT, "packages"))
  .sort()
  .flatMap((p) => files(join(ROOT, "packages", p, "src"), (name) => name.endsWith(".ajv.ts")));

function yamlDocuments(paths: readonly string[]): unknown[] {
  return paths.flatMap((path) => parseAllDocuments(readFileSync(path, "utf8")).map((d) => d.toJS() as unknown)).filter((d) => d !== null && typeof d === "object");
}

/** Variants of a document, each wrong in one way: a field dropped, of another type, or an unknown one added. */
function mutations(document: unknown): unknown[] {
  if (document === null || typeof document !== "object" || Array.isArray(document)) return [];
  const object = document as Record<string, unknown>;
  const variants: unknown[] = [{ ...object, unknownField: true }];
  for (const key of Object.keys(object)) {
    const { [key]: _dropped, ...rest } = object;
    variants.push(rest, { ...object, [key]: 42 }, { ...object, [key]: "not-that" }, { ...object, [key]: [] });
    const inner = object[key];
    if (inner !== null && typeof inner === "object" && !Array.isArray(inner)) for (const variant of mutations(inner).slice(0, 6)) variants.push({ ...object, [key]: variant });
  }
  return variants;
}

/** What a validator says about a document: the verdict and every error (the schema objects of `verbose` left out). */
function verdict(validate: ValidateFunction, document: unknown) {
  const valid = validate(structuredClone(document));
  return { valid, errors: (validate.errors ?? []).map(({ schema: _schema, parentSchema: _parent, ...error }) => error) };
}

describe("the validators compiled ahead of time give the same verdicts as those compiled at run time", () => {
  let corpus: unknown[] = [];

  beforeAll(async () => {
    const platform = await loadPlatform("apps/platform", ROOT);
    const specs = [...platform.tenants, ...platform.services, ...platform.environments].map((s) => structuredClone(s.spec) as unknown);
    const rendered = yamlDocuments(files(join(ROOT, "environments"), (name) => name.endsWith(".yaml")).filter((p) => p.includes("/_infra/")));
    const boutique = CORPUS === undefined ? [] : yamlDocuments(files(CORPUS, (name) => /\.ya?ml$/.test(name)).filter((p) => !p.includes("/templates/")));
    const documents = [...specs, ...rendered, ...boutique];
    corpus = [...documents, ...documents.flatMap(mutations)];
  }, 120_000);

  it("finds the recipes", () => {
    expect(RECIPES.map((p) => basename(p))).toEqual(expect.arrayContaining(["spec-validators.ajv.ts", "document-validators.ajv.ts"]));
  });

  for (const recipe of RECIPES) {
    it(`${recipe.slice(ROOT.length + 1)}: over the sample's specs, its rendered _infra documents, Online Boutique's manifests and mutations of them`, async () => {
      const atRunTime = (await import(pathToFileURL(recipe).href)) as Validators;
      const out = join(ROOT, "dist/precompiled-validators-test");
      mkdirSync(out, { recursive: true });
      const file = join(out, `${basename(recipe, ".ts")}.mjs`);
      writeFileSync(file, await precompiledValidatorsModule(recipe));
      const aheadOfTime = (await import(pathToFileURL(file).href)) as Validators;
      expect(aheadOfTime.VALIDATORS).toEqual(atRunTime.VALIDATORS);
      let valid = 0;
      let invalid = 0;
      for (const name of Object.keys(atRunTime.VALIDATORS)) {
        for (const document of corpus) {
          const expected = verdict(atRunTime.validator(name), document);
          expect(verdict(aheadOfTime.validator(name), document)).toEqual(expected);
          if (expected.valid) valid++;
          else invalid++;
        }
      }
      // Both verdicts occur: the comparison covers accepted documents and the errors of rejected ones.
      expect(valid).toBeGreaterThan(0);
      expect(invalid).toBeGreaterThan(valid);
    }, 300_000);
  }
});

import kindCatalog from "../generated/kind-catalog.json" with { type: "json" };
import { modelModule } from "./model-module.ts";
import type { CatalogKind, KindCatalogData, Shape, ShapeRef } from "./shape.ts";

/** The generated catalog (`npm run generate`; a test fails when it is stale). */
export const KIND_CATALOG = kindCatalog as unknown as KindCatalogData;

/** A model class of any of the kubernetes-models packages, used structurally (there are several copies of the base). */
interface ModelClass {
  new (data: unknown): { validate(): void };
  readonly prototype: object;
}

/** One schema problem as the models' ajv validators report it. */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** The API group of an apiVersion (`""` for the core group). */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

function catalogKey(apiVersion: string, kind: string): string {
  return `${apiVersion} ${kind}`;
}

/** Lookups over the kind catalog, with each model class loaded on first use. */
export class KindRegistry {
  private readonly byKey = new Map<string, CatalogKind>();
  private readonly models = new Map<string, ModelClass>();
  /** Groups of Kubernetes' own APIs (the `kubernetes-models` package), e.g. `""`, `apps`, `policy`. */
  public readonly builtinGroups: ReadonlySet<string>;
  /** Every group with at least one kind in the catalog. */
  public readonly knownGroups: ReadonlySet<string>;

  public constructor(private readonly catalog: KindCatalogData = KIND_CATALOG) {
    for (const kind of catalog.kinds) this.byKey.set(catalogKey(kind.apiVersion, kind.kind), kind);
    this.builtinGroups = new Set(catalog.kinds.filter((k) => k.module.startsWith("kubernetes-models/")).map((k) => apiGroup(k.apiVersion)));
    this.knownGroups = new Set(catalog.kinds.map((k) => apiGroup(k.apiVersion)));
  }

  /** Every kind of the catalog. */
  public get kinds(): readonly CatalogKind[] {
    return this.catalog.kinds;
  }

  /** The catalog entry of exactly this apiVersion and kind. */
  public find(apiVersion: string, kind: string): CatalogKind | undefined {
    return this.byKey.get(catalogKey(apiVersion, kind));
  }

  /** The shape behind a reference: `"s"`, `"*"` or an object shape. */
  public shape(ref: ShapeRef): Shape | "s" | "*" {
    return typeof ref === "number" ? this.catalog.shapes[ref]! : ref;
  }

  /** Runs the model's validation (types, required fields, enums, formats) over `data`. */
  public schemaErrors(entry: CatalogKind, data: Readonly<Record<string, unknown>>): readonly SchemaError[] {
    const Model = this.model(entry);
    const apiVersion = entry.modelApiVersion ?? entry.apiVersion;
    const checked = data.apiVersion === apiVersion ? data : { ...data, apiVersion };
    try {
      // An instance made without the constructor: validate() checks `this` against the kind's schema (found through
      // the prototype), and the constructor's deep copy of the data (dropping undefined values, which the schema check
      // ignores anyway) was most of the cost. A shallow copy of the top level is enough to give it the prototype.
      (Object.assign(Object.create(Model.prototype) as object, checked) as { validate(): void }).validate();
      return [];
    } catch (error) {
      const errors = (error as { errors?: unknown }).errors;
      if (Array.isArray(errors)) return errors as SchemaError[];
      throw error;
    }
  }

  private model(entry: CatalogKind): ModelClass {
    const key = catalogKey(entry.apiVersion, entry.kind);
    let model = this.models.get(key);
    if (model === undefined) {
      model = modelModule(entry.module)[entry.export] as ModelClass | undefined;
      if (typeof model !== "function") throw new Error(`${entry.module} does not export ${entry.export}`);
      this.models.set(key, model);
    }
    return model;
  }
}

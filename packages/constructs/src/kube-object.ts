import { sortCodeUnits } from "@cloudlab/model";
import { ApiObject, App, ImplicitTokenResolver, LazyResolver, NumberStringUnionResolver } from "cdk8s";
import type { Construct } from "constructs";
import { validationMessages, type ModelObject } from "./model-object.ts";

/** Keys that open every manifest, in this order (as cdk8s's `ApiObject.toJson` orders them). */
const LEADING_KEYS = ["apiVersion", "kind", "metadata"] as const;

/** A value that plain JSON copying cannot give as cdk8s would: the object is then serialized by cdk8s itself. */
const NOT_PLAIN = Symbol("not plain");

/**
 * `sanitizeValue(resolve(value), { sortKeys: true })` of cdk8s for plain JSON data (strings, numbers, booleans,
 * arrays and `Object` dictionaries), where its resolvers change nothing: a deep copy with every dictionary's keys
 * sorted and its null or undefined members dropped (array items are kept in place, a null one as undefined).
 * With `dropEmpty` (cdk8s's `filterEmptyArrays` and `filterEmptyObjects`, as it serializes metadata), an empty list
 * or a dictionary left with no members is dropped too. `NOT_PLAIN` for anything else (a class instance, a function, a
 * `__proto__` key).
 */
function plainCopy(value: unknown, dropEmpty = false): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "function" || typeof value === "symbol" || typeof value === "bigint") return NOT_PLAIN;
  if (typeof value !== "object") return value;
  if (Array.isArray(value)) {
    if (dropEmpty && value.length === 0) return undefined;
    const items: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = plainCopy(value[i], dropEmpty);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      items[i] = item;
    }
    return items;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return NOT_PLAIN;
  const source = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  let members = 0;
  for (const key of sortCodeUnits(Object.keys(source))) {
    if (key === "__proto__") return NOT_PLAIN;
    const item = plainCopy(source[key], dropEmpty);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    if (item === undefined) continue;
    copy[key] = item;
    members++;
  }
  return dropEmpty && members === 0 ? undefined : copy;
}

/** The fields of cdk8s's `ApiObjectMetadataDefinition` its `toJson` serializes (TypeScript-private, plain at run time). */
interface MetadataFields {
  readonly name?: string;
  readonly namespace?: string;
  readonly labels: unknown;
  readonly annotations: unknown;
  readonly finalizers: unknown;
  readonly ownerReferences: unknown;
  readonly _additionalAttributes: Readonly<Record<string, unknown>>;
}

/**
 * An object's metadata as cdk8s's `ApiObjectMetadataDefinition.toJson` gives it (the metadata given, with the
 * definition's own fields over it, resolved and sanitized without empty lists or dictionaries), computed directly under
 * the same conditions as {@link KubeObject.toJson}'s; `NOT_PLAIN` when cdk8s must do it. cdk8s's resolve and
 * sanitize took 3 % of a 100-service synth.
 */
function metadataJson(metadata: unknown): unknown {
  const fields = metadata as MetadataFields;
  if (typeof fields._additionalAttributes !== "object" || fields._additionalAttributes === null) return NOT_PLAIN;
  const { name, namespace, annotations, finalizers, ownerReferences, labels } = fields;
  return plainCopy({ ...fields._additionalAttributes, name, namespace, annotations, finalizers, ownerReferences, labels }, true);
}

/** Whether an app resolves values with cdk8s's built-in resolvers only (none of which changes plain JSON). */
function builtinResolversOnly(app: App): boolean {
  const kinds = [LazyResolver, ImplicitTokenResolver, NumberStringUnionResolver];
  return app.resolvers.length === kinds.length && app.resolvers.every((resolver, i) => resolver.constructor === kinds[i]);
}

/**
 * A cdk8s ApiObject made from a typed model object. The model's `.validate()` runs as a construct validation, so
 * the renderer collects every failure (with the construct path) before anything is written.
 */
export class KubeObject extends ApiObject {
  /** The typed object this was made from. */
  public readonly model: ModelObject;

  /** The file name in its group's folder, when not the usual `<kind>-<name>.yaml` (e.g. a bootstrap `root.yaml`). */
  public readonly fileName: string | undefined;

  /** The props given to cdk8s (the model's JSON). */
  readonly #json: Readonly<Record<string, unknown>>;

  public constructor(scope: Construct, model: ModelObject, options: { readonly fileName?: string } = {}) {
    const json = model.toJSON() as { apiVersion: string; kind: string; metadata: { name: string } };
    super(scope, `${json.kind}-${json.metadata.name}`, json);
    this.#json = json;
    this.model = model;
    this.fileName = options.fileName;
    this.node.addValidation({ validate: () => validationMessages(model) });
  }

  /**
   * The object as cdk8s's `ApiObject.toJson` gives it, computed directly when that is a plain copy: the props are the
   * model's JSON, the app has only cdk8s's built-in resolvers and the object no JSON patches. cdk8s resolves every
   * value through its resolvers one at a time (looking the app up for each), which took a sixth of a render
   * (docs/performance.md). Keys are always sorted (cdk8s's `CDK8S_DISABLE_SORT` is not read: the YAML emitter sorts
   * them anyway). Anything else, or any value that is not plain JSON, goes through cdk8s.
   */
  public override toJson(): unknown {
    const patches = (this as unknown as { readonly patches?: unknown }).patches;
    if (!Array.isArray(patches) || patches.length > 0 || !builtinResolversOnly(App.of(this))) return super.toJson();
    const metadata = metadataJson(this.metadata);
    if (metadata === NOT_PLAIN) return super.toJson();
    // The metadata is copied already: the rest is copied without it, and it is put back.
    const data = plainCopy({ ...this.#json, metadata: undefined });
    if (data === NOT_PLAIN || data === undefined) return super.toJson();
    const sorted = data as Record<string, unknown>;
    if (metadata !== undefined) sorted.metadata = metadata;
    const result: Record<string, unknown> = {};
    for (const key of LEADING_KEYS) if (key in sorted) result[key] = sorted[key];
    for (const key of Object.keys(sorted)) if (!(LEADING_KEYS as readonly string[]).includes(key)) result[key] = sorted[key];
    return result;
  }
}

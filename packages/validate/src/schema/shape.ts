/** A field's value in the kind catalog: `"s"` a scalar, `"*"` anything (open), a number the index of an object shape. */
export type ShapeRef = "s" | "*" | number;

/** An object's known fields (closed: no other field is known) and, for maps, the shape of every value. */
export interface Shape {
  /** Known fields and their shapes. */
  readonly f?: Readonly<Record<string, ShapeRef>>;
  /** The shape of map values: keys not in `f` are map keys. */
  readonly m?: ShapeRef;
}

/** One kind of the catalog: where its model class is and the shape of its objects. */
export interface CatalogKind {
  readonly apiVersion: string;
  readonly kind: string;
  /** The module (package subpath) exporting the model class, e.g. `kubernetes-models/apps/v1/Deployment`. */
  readonly module: string;
  /** The exported class name. */
  readonly export: string;
  /**
   * The apiVersion of that class, when it is an older version's: Istio's `v1` kinds are validated by the pinned
   * runtime package's `v1beta1` (telemetry: `v1alpha1`) class, the same schema promoted unchanged.
   * @default the kind's `apiVersion`
   */
  readonly modelApiVersion?: string;
  /** The shape of the whole object. */
  readonly shape: ShapeRef;
}

/** The kind catalog generated from the kubernetes-models declarations (`npm run generate`). */
export interface KindCatalogData {
  /** The model packages and versions it was generated from. */
  readonly packages: Readonly<Record<string, string>>;
  /** Sorted by apiVersion, then kind. */
  readonly kinds: readonly CatalogKind[];
  readonly shapes: readonly Shape[];
}

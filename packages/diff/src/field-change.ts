/** A JSON value, as rendered objects hold them. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One difference inside an object. */
export interface FieldChange {
  /**
   * Where: dot-separated keys, `[name]` for an item of a list of named items (containers, ports, env, subsets, routes,
   * volumes: matched by name), `[3]` for an item of any other list (the index in the new list, or in the old one for
   * a removed item), `["a.b/c"]` for a key that is not a plain word. e.g.
   * `spec.template.spec.containers[server].image`.
   */
  readonly path: string;
  /** The old value; absent when the field is new. */
  readonly before?: JsonValue;
  /** The new value; absent when the field is gone. */
  readonly after?: JsonValue;
}

/**
 * What the renderer needs of a typed Kubernetes object. Structural on purpose: the kubernetes-models family pulls
 * several copies of `@kubernetes-models/base`, so a class check would fail across them.
 */
export interface ModelObject {
  /** Throws when the object breaks its schema (types, required fields, enums, quantities). */
  validate(): void;
  /** The plain object to serialise. */
  toJSON(): unknown;
}

/** The messages of a failed `.validate()`, one per problem, each starting with the field's path. */
export function validationMessages(model: ModelObject): string[] {
  try {
    model.validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: readonly { instancePath?: string; message?: string }[] }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      return errors.map((e) => `${(e.instancePath ?? "").replace(/^\//, "").replace(/\//g, ".") || "(object)"}: ${e.message ?? "is invalid"}`);
    }
    return [error instanceof Error ? error.message : String(error)];
  }
}

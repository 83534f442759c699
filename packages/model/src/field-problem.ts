/** One thing wrong with one field of one spec, before it is attributed to a file and an environment. */
export interface FieldProblem {
  /** The field's path in the spec, e.g. `resources.limits.cpu` or `ports[1].name`; empty for the whole spec. */
  readonly path: string;
  /** What is wrong, quoting the value, e.g. `"500mm" is not a quantity`. */
  readonly message: string;
}

/** Joins a parent path and a child key or index into the path notation used in messages. */
export function joinPath(parent: string, child: string | number): string {
  if (typeof child === "number") return `${parent}[${child}]`;
  return parent === "" ? child : `${parent}.${child}`;
}

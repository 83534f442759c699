import { key, type PathSegment } from "../field-path.ts";
import { isObject } from "../support/values.ts";
import type { KindRegistry } from "./kind-catalog.ts";
import type { ShapeRef } from "./shape.ts";

/** The paths of every field of `value` its shape does not declare (arrays take the shape of their items). */
export function unknownFields(value: unknown, ref: ShapeRef, registry: KindRegistry, path: PathSegment[] = [], out: PathSegment[][] = []): PathSegment[][] {
  if (ref === "s" || ref === "*" || value === null || typeof value !== "object") return out;
  if (Array.isArray(value)) {
    value.forEach((item, index) => unknownFields(item, ref, registry, [...path, index], out));
    return out;
  }
  const shape = registry.shape(ref);
  if (shape === "s" || shape === "*" || !isObject(value)) return out;
  for (const [name, child] of Object.entries(value)) {
    const field = shape.f?.[name];
    if (field !== undefined) unknownFields(child, field, registry, [...path, name], out);
    else if (shape.m !== undefined) unknownFields(child, shape.m, registry, [...path, key(name)], out);
    else out.push([...path, name]);
  }
  return out;
}

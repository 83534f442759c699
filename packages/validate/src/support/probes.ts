import type { FieldPath } from "../field-path.ts";
import { asObject, type PlainObject } from "./values.ts";

/** The probes of a container. */
export const PROBE_FIELDS = ["livenessProbe", "readinessProbe", "startupProbe"] as const;

/** The lifecycle hooks of a container. */
export const LIFECYCLE_FIELDS = ["postStart", "preStop"] as const;

/** A probe or lifecycle handler of a container, with its path. */
export interface HandlerAt {
  readonly path: FieldPath;
  readonly handler: PlainObject;
  /** `livenessProbe`, …, `postStart`, `preStop`. */
  readonly field: string;
}

/** The handler types of a probe, in the order the apiserver checks them. */
export const PROBE_HANDLER_TYPES: readonly string[] = ["exec", "httpGet", "tcpSocket", "grpc"];

/** The handler types of a lifecycle hook, in the order the apiserver checks them. */
export const HOOK_HANDLER_TYPES: readonly string[] = ["exec", "httpGet", "tcpSocket", "sleep"];

/** The handler types set (not missing, not null) on a probe or hook (`field`: see `HandlerAt`), in the apiserver's order. */
export function handlerTypesSet(handler: PlainObject, field: string): string[] {
  return (field.endsWith("Probe") ? PROBE_HANDLER_TYPES : HOOK_HANDLER_TYPES).filter((type) => handler[type] !== undefined && handler[type] !== null);
}

/** Every probe and lifecycle hook of a container at `path`. */
export function handlersOf(container: PlainObject, path: FieldPath): HandlerAt[] {
  const out: HandlerAt[] = [];
  for (const field of PROBE_FIELDS) {
    const handler = asObject(container[field]);
    if (handler !== undefined) out.push({ path: [...path, field], handler, field });
  }
  const lifecycle = asObject(container.lifecycle);
  for (const field of LIFECYCLE_FIELDS) {
    const handler = asObject(lifecycle?.[field]);
    if (handler !== undefined) out.push({ path: [...path, "lifecycle", field], handler, field });
  }
  return out;
}

/**
 * What identifies an item of a list across two versions of an object, so that inserting or removing one does not make
 * every later item look changed: its `name` (containers, ports, env, volumes, subsets, named routes, backendRefs), or
 * for an Istio route destination its `destination.subset` (else `destination.host`). Undefined when the item has
 * neither: such lists are aligned by content instead.
 */
export function listItemKey(item: unknown): string | undefined {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return undefined;
  const record = item as Record<string, unknown>;
  if (typeof record.name === "string") return record.name;
  const destination = record.destination as Record<string, unknown> | undefined;
  if (typeof destination === "object" && destination !== null) {
    if (typeof destination.subset === "string") return destination.subset;
    if (typeof destination.host === "string") return destination.host;
  }
  return undefined;
}

/** The keys of every item, when every item has one and no two share one; undefined otherwise. */
export function uniqueListKeys(items: readonly unknown[]): string[] | undefined {
  const keys: string[] = [];
  for (const item of items) {
    const key = listItemKey(item);
    if (key === undefined || keys.includes(key)) return undefined;
    keys.push(key);
  }
  return keys;
}

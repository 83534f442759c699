/**
 * Sorts strings in place in code-unit order, as `Array.prototype.sort()` with no comparator does, and returns them.
 *
 * For object keys: every map of every rendered object has its keys sorted (by `KubeObject.toJson`'s copy, the YAML
 * emitter and the dashboards' canonical JSON), most maps have a handful of keys, and many are in order already.
 * V8's built-in sort allocates its merge state on every call, which made it the largest allocator of a 100-service
 * synth (128 of 871 MB); an insertion sort over a few keys allocates nothing. Longer lists go to the built-in sort.
 */
export function sortCodeUnits(keys: string[]): string[] {
  if (keys.length > INSERTION_SORT_MAX) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** The longest list sorted by insertion (its cost grows with the square of the length). */
const INSERTION_SORT_MAX = 24;

/** The keys that open every manifest, in this order; all other keys follow sorted. */
const LEADING_KEYS = ["apiVersion", "kind", "metadata"];

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(canonicalValue);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareKeys)) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== null && v !== undefined) out[key] = canonicalValue(v);
    }
    return out;
  }
  return value;
}

/**
 * A copy of a manifest in canonical form: `apiVersion`, `kind`, `metadata` first, every other key (at every depth)
 * sorted by code unit, `null` and `undefined` dropped. Key order is the only thing changed.
 */
export function canonicalObject(manifest: Record<string, unknown>): Record<string, unknown> {
  const sorted = canonicalValue(manifest) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of LEADING_KEYS) if (key in sorted) out[key] = sorted[key];
  for (const key of Object.keys(sorted)) if (!LEADING_KEYS.includes(key)) out[key] = sorted[key];
  return out;
}

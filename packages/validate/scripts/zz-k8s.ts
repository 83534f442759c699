import { readFileSync } from "node:fs";
const c = JSON.parse(readFileSync("src/generated/kind-catalog.json", "utf8"));
const o = JSON.parse(readFileSync("/work/shared/schemas/kubernetes-1.28.0-openapi.json", "utf8"));
const sh = (r: any) => (typeof r === "number" ? c.shapes[r] : r);
const defs = o.definitions;
const missing: string[] = []; const openMismatch: string[] = []; let checked = 0; const notKnown: string[] = [];
const resolve = (s: any) => (s.$ref ? defs[s.$ref.replace("#/definitions/", "")] : s);
for (const [name, d0] of Object.entries<any>(defs)) {
  for (const g of d0["x-kubernetes-group-version-kind"] ?? []) {
    if (name.includes("apimachinery")) continue;
    const av = (g.group ? g.group + "/" : "") + g.version;
    const k = c.kinds.find((k: any) => k.apiVersion === av && k.kind === g.kind);
    if (!k) { notKnown.push(`${av} ${g.kind}`); continue; }
    const seen = new Set<string>();
    const walk = (s0: any, ref: any, path: string, depth: number) => {
      const s = resolve(s0); const key = (s0.$ref ?? "") + "|" + ref; if (s0.$ref) { if (seen.has(key)) return; seen.add(key); }
      if (ref === "*") { if (s.properties) openMismatch.push(`${av} ${g.kind} ${path} open in model, closed in 1.28`); return; }
      const shape = sh(ref);
      if (s["x-kubernetes-preserve-unknown-fields"]) openMismatch.push(`${av} ${g.kind} ${path} preserve-unknown but closed in model`);
      if (s.type === "array" && s.items) return walk(s.items, ref, path + "[]", depth);
      if (s.additionalProperties && typeof s.additionalProperties === "object") { if (shape === "s") return; if (shape.m === undefined) { openMismatch.push(`${av} ${g.kind} ${path} map in 1.28, not in model`); return; } return walk(s.additionalProperties, shape.m, path + "{}", depth); }
      if (s.type === "object" && !s.properties && !s.additionalProperties && shape !== "s" && shape !== "*") openMismatch.push(`${av} ${g.kind} ${path} free-form in 1.28 but closed in model ${JSON.stringify(shape)}`);
      for (const [n, p] of Object.entries<any>(s.properties ?? {})) {
        checked++;
        if (shape === "s") { missing.push(`${av} ${g.kind} ${path}.${n} (scalar in model)`); continue; }
        const r = shape.f?.[n] ?? shape.m;
        if (r === undefined) { missing.push(`${av} ${g.kind} ${path}.${n}`); continue; }
        walk(p, r, `${path}.${n}`, depth + 1);
      }
    };
    walk(d0, k.shape, "", 0);
  }
}
console.log("checked", checked, "missing", missing.length, missing.slice(0, 30), "notKnown", notKnown, "openMismatch", openMismatch.length, [...new Set(openMismatch.map(s => s.replace(/^\S+ \S+ /, "")))].slice(0, 40));

import { parseAllDocuments } from "yaml";
import { readFileSync } from "node:fs";
const c = JSON.parse(readFileSync("src/generated/kind-catalog.json", "utf8"));
const sh = (r: any) => (typeof r === "number" ? c.shapes[r] : r);
for (const f of ["/work/shared/schemas/istio-1.20.0-crds.yaml", "/work/shared/schemas/istio-1.24.0-crds.yaml"]) {
  const missing: string[] = []; const closedButOpen: string[] = [];
  for (const d of parseAllDocuments(readFileSync(f, "utf8"))) {
    const o: any = d.toJS(); if (!o || o.kind !== "CustomResourceDefinition") continue;
    for (const v of o.spec.versions) {
      const av = `${o.spec.group}/${v.name}`; let k = c.kinds.find((k: any) => k.apiVersion === av && k.kind === o.spec.names.kind);
      if (!k) { k = c.kinds.find((k: any) => k.apiVersion === `${o.spec.group}/v1beta1` && k.kind === o.spec.names.kind) ?? c.kinds.find((k: any) => k.apiVersion.startsWith(o.spec.group) && k.kind === o.spec.names.kind); if (!k) { console.log("no model", av, o.spec.names.kind); continue; } }
      const walk = (s: any, ref: any, path: string) => {
        if (ref === "*" ) return;
        const shape = sh(ref);
        if (s["x-kubernetes-preserve-unknown-fields"] && ref !== "*") closedButOpen.push(`${av} ${o.spec.names.kind} ${path}`);
        if (s.items) return walk(s.items, ref, path + "[]");
        if (s.additionalProperties && typeof s.additionalProperties === "object") { if (shape === "s") return; return walk(s.additionalProperties, shape.m ?? "*", path + "{}"); }
        for (const [n, p] of Object.entries<any>(s.properties ?? {})) {
          if (shape === "s") { missing.push(`${av} ${o.spec.names.kind} ${path}.${n} (scalar in model)`); continue; }
          const r = shape.f?.[n] ?? shape.m;
          if (r === undefined) { missing.push(`${av} ${o.spec.names.kind} ${path}.${n}`); continue; }
          walk(p, r, `${path}.${n}`);
        }
        for (const alt of [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])]) if (alt.properties) walk(alt, ref, path);
      };
      walk(v.schema.openAPIV3Schema, k.shape, "");
    }
  }
  console.log(f, "missing", missing.length); console.log(missing.slice(0, 60).join("\n")); console.log("preserve but closed", closedButOpen);
}

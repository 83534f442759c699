import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { resolvePlatform } from "@cloudlab/model";
import { synthesizeAndGate } from "./src/gated-synthesis.ts";
import { platformArb } from "./test/faults/spec-arbitraries.ts";

const n = Number(process.argv[2] ?? 200);
const seed = Number(process.argv[3] ?? 1);
const mode = process.argv[4] ?? "render";
const samples = fc.sample(mode === "render" ? platformArb(0, true) : platformArb(0.08), { numRuns: n, seed });
const kinds = new Map<string, { count: number; example: unknown; detail: string }>();
let rendered = 0, errors = 0, crashes = 0;
for (const [i, definition] of samples.entries()) {
  writeFileSync("/tmp/fuzz16d-current.json", JSON.stringify({ i, definition }));
  const t0 = Date.now();
  try {
    if (mode === "render") {
      const s = synthesizeAndGate(definition, { out: "environments" });
      if (s.specErrors.length > 0) { errors++; continue; }
      const gate = s.findings.filter((f) => f.severity === "error");
      for (const p of s.renderProblems) add(`render:${(p as any).path ?? ""}:${(p as any).message?.slice(0, 60)}`, definition, JSON.stringify(p));
      for (const f of gate) add(`gate:${(f as any).ruleId}:${(f as any).path}:${(f as any).message?.slice(0,70)}`, definition, JSON.stringify(f).slice(0, 600));
      if (s.renderProblems.length === 0 && gate.length === 0) rendered++;
    } else {
      const r = resolvePlatform(definition);
      if (r.errors.length > 0) errors++; else rendered++;
    }
  } catch (e) {
    crashes++;
    add(`crash:${String((e as Error).message).slice(0, 80)}`, definition, String((e as Error).stack).slice(0, 800));
  }
  if (Date.now() - t0 > 3000) add(`slow:${Math.round((Date.now() - t0) / 1000)}s`, definition, "");
  function add(key: string, def: unknown, detail: string) {
    const k = kinds.get(key) ?? { count: 0, example: def, detail };
    k.count++;
    kinds.set(key, k);
  }
}
console.log({ n, seed, rendered, errors, crashes });
for (const [k, v] of kinds) {
  console.log("==", k, v.count);
  if (process.env.DETAIL) console.log(v.detail);
  const d = v.example as any;
  if (process.env.DETAIL) console.log(JSON.stringify({ services: d.services.map((s: any) => s.spec), envs: d.environments.slice(2).map((e: any) => e.spec), tenants: d.tenants.slice(1).map((t: any) => t.spec) }).slice(0, 1500));
}

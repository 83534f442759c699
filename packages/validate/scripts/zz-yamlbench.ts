import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments, LineCounter, Parser } from "yaml";
const root = "/work/main/environments";
const walk = (dir: string): string[] => readdirSync(dir).sort().flatMap((e) => { const p = join(dir, e); return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(e) ? [p] : []; });
const texts = walk(root).map((f) => readFileSync(f, "utf8"));
const variants: [string, (t: string) => unknown][] = [
  ["cst", (t) => { for (const _ of new Parser().parse(t)) {} }],
  ["core", (t) => { const d = parseAllDocuments(t, { uniqueKeys: true }); if (Array.isArray(d)) for (const x of d) x.toJS(); }],
  ["core+lc", (t) => { const d = parseAllDocuments(t, { uniqueKeys: true, lineCounter: new LineCounter() }); if (Array.isArray(d)) for (const x of d) x.toJS(); }],
  ["1.1+lc", (t) => { const d = parseAllDocuments(t, { uniqueKeys: true, version: "1.1", lineCounter: new LineCounter() }); if (Array.isArray(d)) for (const x of d) x.toJS(); }],
];
const best = new Map<string, number>();
for (let round = 0; round < 6; round++) for (const [name, fn] of variants) { const t0 = performance.now(); for (const t of texts) fn(t); const ms = performance.now() - t0; if (round > 0) best.set(name, Math.min(best.get(name) ?? Infinity, ms)); }
for (const [name, ms] of best) console.log(name.padEnd(10), ms.toFixed(0), "ms", Math.round(texts.length / (ms / 1000)), "docs/s");

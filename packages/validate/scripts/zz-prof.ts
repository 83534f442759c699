import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { validateGroups, parseSource } from "../src/index.ts";
const root = "/work/main/environments";
const walk = (dir: string): string[] => readdirSync(dir).sort().flatMap((e) => { const p = join(dir, e); return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(e) && !/^kustomization\.ya?ml$/.test(e) ? [p] : []; });
const envs = readdirSync(root).map((e) => join(root, e)).filter((p) => statSync(p).isDirectory());
const groups = envs.map((env) => ({ environment: relative(root, env), sources: walk(env).map((f) => ({ file: relative(process.cwd(), f), content: readFileSync(f, "utf8") })) }));
const n = groups.reduce((a, g) => a + g.sources.length, 0);
const times: number[] = []; const ptimes: number[] = [];
for (let i = 0; i < 8; i++) {
  let t0 = performance.now(); validateGroups(groups); times.push(performance.now() - t0);
  t0 = performance.now(); for (const g of groups) for (const s of g.sources) parseSource(s); ptimes.push(performance.now() - t0);
}
const best = Math.min(...times.slice(2)); const pbest = Math.min(...ptimes.slice(2));
console.log(`validate best ${best.toFixed(0)} ms = ${Math.round(n / (best / 1000))} res/s; parse best ${pbest.toFixed(0)} ms = ${Math.round(n / (pbest / 1000))} docs/s; all ${times.map((t) => t.toFixed(0)).join(" ")}`);

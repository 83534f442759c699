import { it } from "vitest";
import { writeFileSync } from "node:fs";
import { makeTempDir, run, writeFile, specSource } from "./helpers.ts";
it("v", async () => {
  const cwd = makeTempDir("v-");
  const spec = { name: "dev", stage: "dev", cluster: { name: "dev-us-west-2", provider: "eks", region: "us-west-2" } };
  writeFile(cwd, "apps/platform/environments/dev.ts", specSource(spec));
  writeFile(cwd, "apps/platform/tenants/shop.ts", specSource({ name: "shop", team: "shop" }));
  let out = String((await run(cwd, ["synth", "--platform", "apps/platform"])).code) + "\n";
  for (const f of ["human", "github", "json"]) { const r = await run(cwd, ["validate", "--platform", "apps/platform", "--format", f]); out += `${f} ${r.code}\n${r.stdout.slice(0, 800)}\n${r.stderr.slice(0, 300)}\n`; }
  writeFileSync("/tmp/v.txt", out);
}, 120000);

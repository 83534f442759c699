import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const WORKSPACE = fileURLToPath(new URL("../../../", import.meta.url));
const plugin = require("../../../tools/nx/synth-targets.cjs") as {
  createNodesV2: [string, (files: string[], options: unknown, context: { workspaceRoot: string }) => [string, { projects: Record<string, { targets: Record<string, any> }> }][]];
};

describe("the Nx plugin's per-environment synth targets", () => {
  const [glob, createNodes] = plugin.createNodesV2;
  const files = ["dev", "prod-us-east-1", "prod-us-west-2", "staging"].map((name) => `apps/platform/environments/${name}.ts`);
  const targets = createNodes(files, {}, { workspaceRoot: WORKSPACE })[0]![1].projects["apps/platform"]!.targets;

  it("infers one cached target per environment file, writing only that environment's folder", () => {
    expect(glob).toBe("apps/platform/environments/*.ts");
    expect(Object.keys(targets).sort()).toEqual(["synth-dev", "synth-environments", "synth-prod-us-east-1", "synth-prod-us-west-2", "synth-staging"]);
    expect(targets["synth-dev"]).toMatchObject({ command: "node apps/cli/bin/cloudlab.js synth --env dev", cache: true, outputs: ["{workspaceRoot}/environments/dev"] });
    expect(targets["synth-environments"].dependsOn).toEqual(["synth-dev", "synth-prod-us-east-1", "synth-prod-us-west-2", "synth-staging"]);
  });

  it("gives an environment its own file and its stage's other environment files (its failover peers) as inputs, not another stage's", () => {
    const environmentInputs = (target: string) => (targets[target].inputs as string[]).filter((i) => i.includes("/environments/"));
    expect(environmentInputs("synth-dev")).toEqual(["{projectRoot}/environments/dev.ts"]);
    expect(environmentInputs("synth-prod-us-west-2")).toEqual(["{projectRoot}/environments/prod-us-west-2.ts", "{projectRoot}/environments/prod-us-east-1.ts"]);
    expect(environmentInputs("synth-prod-us-east-1")).toEqual(["{projectRoot}/environments/prod-us-east-1.ts", "{projectRoot}/environments/prod-us-west-2.ts"]);
    for (const target of ["synth-dev", "synth-staging"]) {
      expect(targets[target].inputs).toEqual(expect.arrayContaining(["{projectRoot}/services/**/*", "{projectRoot}/tenants/**/*", "{workspaceRoot}/packages/*/src/**/*", "{workspaceRoot}/package-lock.json"]));
    }
  });
});
